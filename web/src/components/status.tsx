import type { ReactNode } from 'react';
import { errorText } from '../format';
import type { Loaded } from '../hooks';

/** Loading and error states of a query, in Chinese; the content once it is there. */
export function Status<T>({
  result,
  children,
}: {
  result: Loaded<T>;
  children: (data: T) => ReactNode;
}) {
  if (result.state === 'loading') return <p className="loading">加载中……</p>;
  if (result.state === 'error')
    return (
      <p className="error" role="alert">
        {errorText(result.error.code, result.error.message)}
      </p>
    );
  return <>{children(result.data)}</>;
}
