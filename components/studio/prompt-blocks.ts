// Kling's own prompt formula: subject + movement + scene + camera language + lighting + atmosphere,
// plus style and material examples. Inserted at the cursor as building blocks.
export const PROMPT_BLOCKS: Array<{ group: string; hint: string; examples: string[] }> = [
  {
    group: "Subject",
    hint: "who or what, with detail",
    examples: ["a red fox with a frosted coat", "an elderly street musician", "a vintage silver sports car"],
  },
  {
    group: "Movement",
    hint: "what the subject does",
    examples: [
      "trots slowly through fresh snow",
      "plays violin, swaying gently",
      "drifts around a wet corner",
    ],
  },
  {
    group: "Scene",
    hint: "where and when",
    examples: [
      "in a pine forest at dawn",
      "on a busy Tokyo crossing at night",
      "on a mountain road after rain",
    ],
  },
  {
    group: "Camera language",
    hint: "shot and motion",
    examples: ["low-angle tracking shot", "slow dolly-in close-up", "aerial drone shot, wide"],
  },
  {
    group: "Lighting",
    hint: "light source and mood",
    examples: ["golden-hour backlight", "neon reflections, soft rim light", "overcast, diffused light"],
  },
  {
    group: "Atmosphere",
    hint: "feeling and texture",
    examples: ["quiet and serene", "energetic and cinematic", "misty, dreamlike"],
  },
  {
    group: "Style",
    hint: "look and medium",
    examples: [
      "35 mm film, shallow depth of field",
      "Studio Ghibli style animation",
      "photorealistic, 8K detail",
    ],
  },
  {
    group: "Material",
    hint: "surfaces that read on camera",
    examples: ["brushed steel", "wet cobblestones", "translucent silk"],
  },
];
