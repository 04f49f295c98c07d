/** Rows as aligned columns, two spaces apart, each line after `indent` and without trailing spaces. */
export function table(rows: readonly (readonly string[])[], indent = ''): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map(
      (row) =>
        `${indent}${row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}
