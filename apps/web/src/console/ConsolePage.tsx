/** The analysts' Cypher console (issue 4). */
export function ConsolePage() {
  return (
    <main>
      <h2>Cypher console</h2>
      <p className="muted">The read-only Cypher console is not built yet.</p>
    </main>
  );
}
