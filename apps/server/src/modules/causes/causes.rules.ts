// The civil cause-of-action catalogue as versioned data: look a cause up, search it, list its versions.
// A matter keeps the version it was filed under, so versions are added, never edited in place.
import type { TCauseNode } from '@opencourt/contracts';

export type CauseVersion = { version: string; title: string; effectiveFrom: string; source: string; note: string; tree: TCauseNode[] };
export type CauseHit = { code: string; name: string; level: number; path: string[] };

export type CauseCatalogue = ReturnType<typeof createCauseCatalogue>;

export function createCauseCatalogue(versions: readonly CauseVersion[]) {
  const byVersion = new Map<string, { info: CauseVersion; index: Map<string, CauseHit> }>();
  for (const v of versions) {
    const index = new Map<string, CauseHit>();
    const walk = (nodes: TCauseNode[], path: string[]) => {
      for (const n of nodes) {
        if (index.has(n.code)) throw new Error(`cause catalogue ${v.version}: duplicate code ${n.code}`);
        const hit = { code: n.code, name: n.name, level: n.level, path: [...path, n.name] };
        index.set(n.code, hit);
        if (n.children) walk(n.children, hit.path);
      }
    };
    walk(v.tree, []);
    byVersion.set(v.version, { info: v, index });
  }
  // The newest in force is the default for new matters.
  const latest = [...versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0]!.version;
  return {
    latest,
    versions: () => [...byVersion.keys()],
    info: (version: string) => byVersion.get(version)?.info,
    /** A cause of the version, or undefined (unknown version or code). */
    find(version: string, code: string): CauseHit | undefined {
      return byVersion.get(version)?.index.get(code);
    },
    /** Causes whose name contains every term of the query (whitespace-separated), most specific first. */
    search(version: string, q: string, limit = 50): CauseHit[] {
      const found = byVersion.get(version);
      if (!found) return [];
      const terms = q.split(/\s+/).filter(Boolean);
      return [...found.index.values()]
        .filter((h) => terms.every((t) => h.name.includes(t) || h.code === t))
        .sort((a, b) => b.level - a.level || a.name.length - b.name.length)
        .slice(0, limit);
    },
  };
}

/** Whether a matter may be filed under this node: a category, cause or sub-cause, not a whole part. */
export const fileable = (hit: CauseHit) => hit.level >= 2;
