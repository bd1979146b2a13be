export function Loading() {
  return (
    <p role="status" aria-live="polite">
      Loading…
    </p>
  );
}

export function Failed({ message }: { message: string }) {
  return (
    <p role="alert" className="error">
      The graph could not answer: {message}
    </p>
  );
}

/** Nothing to show is not an error: the caller may simply not see it. */
export function Restricted({ what }: { what: string }) {
  return <p className="empty">You have nothing to see for {what}.</p>;
}
