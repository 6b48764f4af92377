"use client";

import { ChevronDown } from "lucide-react";
import { useRef } from "react";
import { PROMPT_BLOCKS } from "@/components/studio/prompt-blocks";
import type { Availability } from "@/lib/generations/draft";
import { PROMPT_MAX } from "@/lib/generations/request";

export function PromptEditor({
  promptHidden = false,
  prompt,
  negativePrompt,
  negativeAvailability,
  recentPrompts,
  errors,
  onPrompt,
  onNegativePrompt,
}: {
  /** A written-out storyboard has no overall prompt (each shot has its own). */
  promptHidden?: boolean;
  prompt: string;
  negativePrompt: string;
  negativeAvailability: Availability;
  recentPrompts: string[];
  errors: Record<string, string | undefined>;
  onPrompt: (value: string) => void;
  onNegativePrompt: (value: string) => void;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const over = prompt.length > PROMPT_MAX;
  const insert = (text: string) => {
    const element = textarea.current;
    const start = element?.selectionStart ?? prompt.length;
    const end = element?.selectionEnd ?? prompt.length;
    const before = prompt.slice(0, start).replace(/\s+$/, "");
    const separator = before ? ", " : "";
    const next = `${before}${separator}${text}${prompt.slice(end)}`;
    onPrompt(next);
    requestAnimationFrame(() => {
      element?.focus();
      const caret = before.length + separator.length + text.length;
      element?.setSelectionRange(caret, caret);
    });
  };
  const promptError = errors.prompt;

  return (
    <div className="space-y-4">
      {promptHidden ? (
        <p
          className="rounded-md border border-line px-3 py-2 text-sm text-muted"
          data-testid="prompt-by-shots"
        >
          Written shot by shot: each shot in the storyboard below has its own prompt.
        </p>
      ) : (
        <>
          <div className="space-y-1.5">
            <div className="flex items-baseline justify-between">
              <label htmlFor="prompt" className="text-sm font-medium">
                Prompt
              </label>
              <span
                id="prompt-count"
                className={`text-xs tabular-nums ${over ? "font-semibold text-danger" : "text-muted"}`}
                aria-live="polite"
              >
                {prompt.length.toLocaleString("en-US")} / {PROMPT_MAX.toLocaleString("en-US")}
              </span>
            </div>
            <textarea
              id="prompt"
              ref={textarea}
              value={prompt}
              onChange={(event) => onPrompt(event.target.value)}
              rows={6}
              placeholder="Subject, movement, scene, camera, lighting, atmosphere… e.g. A red fox trots through fresh snow in a pine forest at dawn, low tracking shot, golden backlight"
              aria-invalid={promptError ? true : undefined}
              aria-describedby={`prompt-count${promptError ? " prompt-error" : ""}`}
              className={`w-full resize-y rounded-md border bg-surface px-3 py-2 text-sm leading-relaxed outline-none focus:border-accent ${
                promptError ? "border-danger" : "border-line"
              }`}
            />
            {promptError && (
              <p id="prompt-error" className="text-xs text-danger">
                {promptError}
              </p>
            )}
          </div>

          <details className="group rounded-md border border-line">
            <summary className="flex cursor-pointer items-center justify-between px-3 py-2 text-sm">
              Building blocks{" "}
              <ChevronDown aria-hidden className="size-4 transition-transform group-open:rotate-180" />
            </summary>
            <div className="space-y-3 border-t border-line p-3">
              {PROMPT_BLOCKS.map((block) => (
                <div key={block.group}>
                  <p className="mb-1 text-xs text-muted">
                    <span className="font-medium text-fg">{block.group}</span> · {block.hint}
                  </p>
                  <div className="flex flex-wrap gap-1.5">
                    {block.examples.map((example) => (
                      <button
                        key={example}
                        type="button"
                        onClick={() => insert(example)}
                        className="rounded-full border border-line px-2.5 py-1 text-xs hover:border-accent hover:text-accent"
                      >
                        + {example}
                      </button>
                    ))}
                  </div>
                </div>
              ))}
            </div>
          </details>

          {recentPrompts.length > 0 && (
            <details className="group rounded-md border border-line">
              <summary className="flex cursor-pointer items-center justify-between px-3 py-2 text-sm">
                Recent prompts of the team{" "}
                <ChevronDown aria-hidden className="size-4 transition-transform group-open:rotate-180" />
              </summary>
              <ul className="max-h-48 divide-y divide-line overflow-y-auto border-t border-line">
                {recentPrompts.map((recent) => (
                  <li key={recent}>
                    <button
                      type="button"
                      onClick={() => onPrompt(recent)}
                      className="w-full px-3 py-2 text-left text-xs hover:bg-raised"
                      title="Use this prompt"
                    >
                      {recent}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}

      <div className="space-y-1.5">
        <label htmlFor="negative-prompt" className="text-sm font-medium">
          Negative prompt
        </label>
        <textarea
          id="negative-prompt"
          value={negativePrompt}
          onChange={(event) => onNegativePrompt(event.target.value)}
          rows={2}
          disabled={!negativeAvailability.enabled}
          placeholder="What to avoid, e.g. blur, distorted hands, text"
          aria-invalid={errors.negativePrompt ? true : undefined}
          className="w-full resize-y rounded-md border border-line bg-surface px-3 py-2 text-sm outline-none focus:border-accent disabled:opacity-50"
        />
        {!negativeAvailability.enabled && <p className="text-xs text-warn">{negativeAvailability.reason}</p>}
        {errors.negativePrompt && <p className="text-xs text-danger">{errors.negativePrompt}</p>}
      </div>
    </div>
  );
}
