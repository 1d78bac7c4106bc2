/** Ticked rows of the device table. Pure functions over a set of device ids. */
export type Selection = ReadonlySet<string>;

export function toggleOne(selection: Selection, id: string, on: boolean): Selection {
  const next = new Set(selection);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** The select-all box acts on the rows shown (after filter), leaving hidden ticks alone. */
export function toggleVisible(selection: Selection, visible: readonly string[], on: boolean): Selection {
  const next = new Set(selection);
  for (const id of visible) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** State of the select-all box: every shown row ticked, some, or none. */
export function visibleSelectionState(selection: Selection, visible: readonly string[]): 'all' | 'some' | 'none' {
  const ticked = visible.filter((id) => selection.has(id)).length;
  if (ticked === 0) return 'none';
  return ticked === visible.length ? 'all' : 'some';
}

/** Drops ids that are no longer in the registry (merged away or gone), following nothing. */
export function pruneSelection(selection: Selection, exists: (id: string) => boolean): Selection {
  const kept = [...selection].filter(exists);
  return kept.length === selection.size ? selection : new Set(kept);
}
