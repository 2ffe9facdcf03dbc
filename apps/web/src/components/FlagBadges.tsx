import type { Flags } from '@explorer/model';

/** What must be seen at a glance: listed on a control list, invented data, a group of unnamed bodies. */
export function FlagBadges({ flags }: { flags: Flags }) {
  return (
    <span className="badges">
      {flags.listings.map((listing) => (
        <span key={listing.listId} className="badge badge-listed" title={listing.citation ?? undefined}>
          {listing.listName}
          {listing.date ? ` · ${listing.date}` : ''}
        </span>
      ))}
      {flags.synthetic && (
        <span className="badge badge-synthetic" title="Invented for demonstration: not a real fact">
          Synthetic
        </span>
      )}
      {flags.group && (
        <span className="badge badge-group" title="Stands for a set of bodies the sources do not name">
          Group
        </span>
      )}
    </span>
  );
}
