"use client";

import { useEffect, useRef } from "react";

export interface ReviewShortcuts {
  approve: () => void;
  reject: () => void;
  comment: () => void;
  next: (() => void) | null;
  previous: (() => void) | null;
}

/**
 * Reviewer shortcuts: A approve, R reject, C comment, J/K next and previous in the gallery filter.
 * Ignored while typing in a field or with a modifier held, so they never eat a character or a
 * browser shortcut.
 */
export function useReviewShortcuts(shortcuts: ReviewShortcuts) {
  // The latest handlers, without re-subscribing on every render.
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        event.metaKey ||
        event.ctrlKey ||
        event.altKey ||
        ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) ||
        target.isContentEditable
      )
        return;
      const { approve, reject, comment, next, previous } = current.current;
      const key = event.key.toLowerCase();
      if (key === "a") approve();
      else if (key === "r") reject();
      else if (key === "c") {
        event.preventDefault();
        comment();
      } else if (key === "j") next?.();
      else if (key === "k") previous?.();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
