/** Ten bars, one per digit; the winner highlighted. */
export function Probabilities({ probabilities, winner }: { probabilities: number[] | null; winner: number | null }) {
  return (
    <ol className="probabilities" data-testid="digit-probabilities" aria-label="Probability of each digit">
      {Array.from({ length: 10 }, (_, digit) => {
        const p = probabilities?.[digit] ?? 0;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the digit, a fixed list of ten
          <li key={digit} data-digit={digit} data-probability={p.toFixed(6)} className={digit === winner ? 'winner' : undefined}>
            <span className="label">{digit}</span>
            <span className="track">
              <span className="fill" style={{ width: `${(p * 100).toFixed(1)}%` }} />
            </span>
            <span className="value">{(p * 100).toFixed(1)}%</span>
          </li>
        );
      })}
    </ol>
  );
}
