import { useEffect, useRef } from 'react';
import type { CanvasTarget } from './GraphCanvas.tsx';

interface Props {
  target: CanvasTarget;
  pinned: boolean;
  onExpand: () => void;
  onCollapse: () => void;
  onPinToggle: () => void;
  onRemove: () => void;
  onClose: () => void;
}

/** The right-click menu of a canvas entity or relationship; Escape or a click elsewhere closes it. */
export function CanvasContextMenu({ target, pinned, onExpand, onCollapse, onPinToggle, onRemove, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector('button')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) {
        onClose();
      }
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [onClose]);
  const act = (action: () => void) => () => {
    action();
    onClose();
  };
  return (
    <div ref={menu} role="menu" className="context-menu" style={{ left: target.x, top: target.y }}>
      {target.kind === 'node' && (
        <>
          <button type="button" role="menuitem" onClick={act(onExpand)}>
            Expand neighbours
          </button>
          <button type="button" role="menuitem" onClick={act(onCollapse)}>
            Collapse neighbours
          </button>
          <button type="button" role="menuitem" onClick={act(onPinToggle)}>
            {pinned ? 'Unpin' : 'Pin here'}
          </button>
        </>
      )}
      <button type="button" role="menuitem" onClick={act(onRemove)}>
        Remove from canvas
      </button>
    </div>
  );
}
