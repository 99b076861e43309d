/** A one-line empty state for small cards and columns (style: .bf-empty-line in projects.css). */
export function EmptyLine({ text }: { text: string }) {
  return <div className="bf-empty-line">{text}</div>;
}
