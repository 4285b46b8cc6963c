/** A tiny store for transient messages; the Toaster renders it, anything may push to it. */
export type ToastKind = 'error' | 'success' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

type Listener = () => void;

const TOAST_LIMIT = 4;
const TOAST_TTL_MS = 6_000;

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToasts(): readonly Toast[] {
  return toasts;
}

export function dismissToast(id: number): void {
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function pushToast(kind: ToastKind, message: string): number {
  // The same message twice in a row (a burst of failing requests) is shown once.
  const last = toasts.at(-1);
  if (last && last.kind === kind && last.message === message) return last.id;
  const id = nextId++;
  toasts = [...toasts, { id, kind, message }].slice(-TOAST_LIMIT);
  timers.set(
    id,
    setTimeout(() => dismissToast(id), TOAST_TTL_MS),
  );
  emit();
  return id;
}
