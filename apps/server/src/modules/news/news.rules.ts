// The life of an article: a draft is published, a published article can be withdrawn and published
// again; editing never changes the state.
import type { TNewsStatus } from '@opencourt/contracts';

export type NewsAction = 'publish' | 'withdraw';

const NEXT: Record<NewsAction, Partial<Record<TNewsStatus, TNewsStatus>>> = {
  publish: { draft: 'published', withdrawn: 'published' },
  withdraw: { published: 'withdrawn' },
};

/** The state after the action, or undefined when the action does not apply. */
export const nextStatus = (status: TNewsStatus, action: NewsAction): TNewsStatus | undefined => NEXT[action][status];
