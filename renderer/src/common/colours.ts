// The tag palette: restrained colours that read on light and dark backgrounds.
export const TAG_COLOURS = ['#e5484d', '#f76b15', '#f5a623', '#30a46c', '#12a594', '#0090ff', '#3e63dd', '#8e4ec6', '#d6409f', '#8d8d8d'];

export function colourFor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return TAG_COLOURS[h % TAG_COLOURS.length];
}
