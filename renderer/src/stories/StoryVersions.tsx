// In the reader, under the tags: the other versions of the clip's story (other outlets that ran
// it, or other saves of the page), each to open or to compare with the clip being read.
import { useEffect, useState } from 'react';
import type { Api, Story, StoryVersion } from '../../../electron/api.ts';
import { storyLabel, versionWhen } from './story-words.ts';

export interface Comparison {
  from: StoryVersion;
  to: StoryVersion;
  /** Versions of one page (named by when they were saved) or one story in several outlets. */
  kind: Story['kind'];
}

interface Props {
  api: Api;
  clipId: number;
  /** Bumped when the library changed: the story is asked again. */
  revision: number;
  comparing: Comparison | null;
  onOpenClip(id: number): void;
  onCompare(c: Comparison): void;
}

export function StoryVersions({ api, clipId, revision, comparing, onOpenClip, onCompare }: Props) {
  const [story, setStory] = useState<Story | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    api.storyOf({ id: clipId }).then(
      (s) => live && setStory(s),
      () => live && setStory(null),
    );
    return () => {
      live = false;
    };
  }, [api, clipId, revision]);
  if (!story || !story.versions.some((v) => v.id === clipId)) return null;

  const index = story.versions.findIndex((v) => v.id === clipId);
  const me = story.versions[index];
  const others = story.versions.filter((v) => v.id !== clipId);
  /** Older version first, so the diff reads as what changed since. */
  const compare = (v: StoryVersion) => {
    const i = story.versions.indexOf(v);
    onCompare(i < index ? { from: v, to: me, kind: story.kind } : { from: me, to: v, kind: story.kind });
  };
  const label = storyLabel({ kind: story.kind, versions: story.versions.length, outlets: story.outlets });
  return (
    <div className="story-versions">
      <button type="button" className={`story-versions-toggle${story.kind === 'page' ? ' page' : ''}`} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className="story-caret" aria-hidden="true">▸</span>
        {label}
        <span className="story-versions-hint">{story.kind === 'page' ? ` · this is version ${index + 1}` : ' · the same story elsewhere'}</span>
      </button>
      {open && (
        <ul className="story-version-list">
          {others.map((v) => {
            const active = comparing !== null && (comparing.from.id === v.id || comparing.to.id === v.id);
            return (
              <li key={v.id} className={active ? 'comparing' : undefined}>
                <button type="button" className="link-button story-version-open" onClick={() => onOpenClip(v.id)} title={`Open: ${v.title}`}>
                  {story.kind === 'page' ? `Version ${story.versions.indexOf(v) + 1}` : (v.source ?? 'Unknown source')}
                </button>
                <span className="story-version-meta">
                  {versionWhen(v, story.kind)}
                  {story.kind === 'outlets' && v.title !== me.title ? ` · “${v.title}”` : ''}
                </span>
                <button type="button" className="compare-button" aria-pressed={active} onClick={() => compare(v)}>
                  {active ? 'Comparing' : 'Compare'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
