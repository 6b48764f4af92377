/** 75.3 s -> "1:15.3", as comments and the activity history show it. */
export function formatTimecode(seconds: number | null) {
  if (seconds === null) return "";
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${(seconds - minutes * 60).toFixed(1).padStart(4, "0")}`;
}
