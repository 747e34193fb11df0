import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { navigate } from '../router';

/** A link inside the console: a real anchor (keyboard, middle click, copy link) whose plain click stays in the page. */
export function Link(props: { href: string; children: ComponentChildren; class?: string }) {
  return (
    <a href={props.href} class={props.class} onClick={(event) => {
      if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
        event.preventDefault();
        navigate(props.href);
      }
    }}>{props.children}</a>
  );
}

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | Error | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Loads once per change of {@code key}, and again on reload(); the last answer stays shown while the next loads. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiError | Error | null; loading: boolean }>({ data: null, error: null, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then((data) => live && setState({ data, error: null, loading: false }),
      (error: Error) => live && setState((previous) => ({ data: previous.data, error, loading: false })));
    return () => {
      live = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { ...state, reload };
}

/** Calls {@code tick} every {@code ms} while the page is shown. */
export function useInterval(tick: () => void, ms: number): void {
  useEffect(() => {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  }, [tick, ms]);
}

export function ErrorBox(props: { error: ApiError | Error | null }) {
  if (props.error === null) {
    return null;
  }
  const code = props.error instanceof ApiError ? props.error.code : 'ERROR';
  return <p class="error" role="alert"><strong>{code}</strong> {props.error.message}</p>;
}

export function Loading(props: { loaded: Loaded<unknown> }) {
  return <>{props.loaded.loading && props.loaded.data === null ? <p class="muted" aria-live="polite">Loading…</p> : null}
    <ErrorBox error={props.loaded.error} /></>;
}

export function Page(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${props.title} · Ledger console`;
  }, [props.title]);
  return (
    <section aria-labelledby="page-title">
      <div class="page-head"><h1 id="page-title">{props.title}</h1>{props.actions}</div>
      {props.children}
    </section>
  );
}

/** A hash shown short, its whole value in the tooltip and for copying. */
export function Hash(props: { value: string | null | undefined }) {
  if (props.value === null || props.value === undefined || props.value === '') {
    return <span class="muted">—</span>;
  }
  return <code class="hash" title={props.value}>{props.value.slice(0, 12)}…</code>;
}

export function Time(props: { value: string | null | undefined }) {
  return props.value ? <time dateTime={props.value}>{props.value.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time> : <span class="muted">—</span>;
}

/**
 * A button whose action asks first: the first press shows what will happen and a Confirm and a Cancel button; only
 * Confirm acts.
 */
export function ConfirmButton(props: { label: string; question: string; onConfirm: () => Promise<void>; danger?: boolean }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return <button type="button" class={props.danger ? 'danger' : ''} onClick={() => setAsking(true)}>{props.label}</button>;
  }
  return (
    <span class="confirm" role="group" aria-label={props.question}>
      <span>{props.question}</span>
      <button type="button" class={props.danger ? 'danger' : 'primary'} disabled={busy} onClick={async () => {
        setBusy(true);
        try {
          await props.onConfirm();
        } finally {
          setBusy(false);
          setAsking(false);
        }
      }}>Confirm</button>
      <button type="button" onClick={() => setAsking(false)}>Cancel</button>
    </span>
  );
}

/** Saves bytes the browser holds as a file the user downloads. */
export function saveFile(data: Blob, name: string): void {
  const url = URL.createObjectURL(data);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Checks(props: { checks: readonly { check: string; passed: boolean; detail: string }[]; passed: boolean; label: string }) {
  return (
    <div class={props.passed ? 'verdict pass' : 'verdict fail'} role="status" aria-live="polite">
      <p class="verdict-head">{props.passed ? `✔ ${props.label}: verified` : `✘ ${props.label}: NOT verified`}</p>
      <ol class="checks">
        {props.checks.map((line) => (
          <li class={line.passed ? 'pass' : 'fail'}><strong>{line.passed ? 'PASS' : 'FAIL'}</strong> <code>{line.check}</code>: {line.detail}</li>
        ))}
      </ol>
    </div>
  );
}
