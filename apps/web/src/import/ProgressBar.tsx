/** A labelled progress bar; without a fraction it shows "working" without a percentage. */
export function ProgressBar({ label, fraction }: { label: string; fraction: number | null }) {
  const percent = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div className="import-progress">
      <label>
        <span>
          {label}
          {percent !== null && ` — ${percent}%`}
        </span>
        <progress max={100} value={percent ?? undefined} aria-label={label} />
      </label>
    </div>
  );
}
