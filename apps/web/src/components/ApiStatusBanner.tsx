import { useHealth } from '../api/hooks.ts';

/** A banner across the page while the API or its database is down (checked every 15 s). */
export function ApiStatusBanner() {
  const health = useHealth();
  const message = health.error
    ? 'The explorer’s server cannot be reached. Searches and the canvas will work again when it is back.'
    : health.data?.neo4j === 'restarting'
      ? 'The graph database stopped and is being restarted; it should answer again within half a minute.'
      : health.data?.neo4j === 'down'
        ? 'The graph database is unreachable, so no data can be shown. It will be back when the database is.'
        : null;
  if (!message) return null;
  return (
    <div role="alert" className="error-banner status-banner">
      {message}{' '}
      <button type="button" onClick={() => void health.refetch()}>
        Check again
      </button>
    </div>
  );
}
