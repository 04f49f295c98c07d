/** Edit distance, to suggest the enum member somebody meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The known name somebody most likely meant by `found` (a typo, a case slip, a known name with a prefix around it),
 * to say "did you mean …?"; undefined when none is close.
 */
export function closestName(found: unknown, members: readonly unknown[]): string | undefined {
  if (typeof found !== 'string') return undefined;
  const strings = members.filter((m): m is string => typeof m === 'string');
  // A known prefix or decoration around a valid name (`oss:ObjectCreated:PutObject`, ` PutObject `).
  const contained = strings.find((m) => found.trim() === m || (found.includes(m) && found.length - m.length <= 8));
  if (contained) return contained;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const m of strings) {
    const d = distance(found.toLowerCase(), m.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [m, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 4)) ? best : undefined;
}
