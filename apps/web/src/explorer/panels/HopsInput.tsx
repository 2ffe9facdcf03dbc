/** A "Max hops" number field kept within 1..max, as the API bounds it. */
export function HopsInput({ value, max, onChange }: { value: number; max: number; onChange: (hops: number) => void }) {
  return (
    <label>
      Max hops
      <input
        type="number"
        min={1}
        max={max}
        value={value}
        onChange={(e) => onChange(Math.min(max, Math.max(1, Number(e.target.value) || 1)))}
      />
    </label>
  );
}
