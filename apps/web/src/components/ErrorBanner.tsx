import { ApiError } from '../api/client.ts';

function describe(error: Error): string {
  if (error instanceof ApiError && error.code === 'database_unavailable') {
    return 'The graph database is unreachable. The data will be back when it is.';
  }
  return error.message;
}

export function ErrorBanner({ error }: { error: Error }) {
  return (
    <div role="alert" className="error-banner">
      {describe(error)}
    </div>
  );
}
