import { lineLabel, sep, withNames, type CodeLists, type LineView } from '../format';

type AdjustmentLine = Omit<LineView, `${string}Name`> & { delta: string };

/** An adjustment's lines as people say them: the line by its classifications, 调增/调减 an amount. */
export function AdjustmentLines({ lines, codes }: { lines: AdjustmentLine[]; codes: CodeLists }) {
  return (
    <ul>
      {withNames(lines, codes).map((l, i) => (
        <li key={i}>
          {lineLabel(l)}：{l.delta.startsWith('-') ? '调减' : '调增'}{' '}
          {sep(l.delta.replace(/^-/, ''))} 元
        </li>
      ))}
    </ul>
  );
}
