import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-accent-strong text-white hover:bg-accent disabled:bg-raised disabled:text-muted",
  secondary: "border border-line bg-panel text-fg hover:bg-raised disabled:text-muted",
  danger: "border border-danger/40 text-danger hover:bg-danger/10 disabled:text-muted",
  ghost: "text-muted hover:bg-raised hover:text-fg",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
    />
  );
}
