// MLA 9th edition as a CSL style of this project's own, for what Cuttings cites: news articles
// and web pages. (The CSL project's full MLA 9 style is not published on npm; the 7th edition
// that is calls every item without a link "Print".) The entry MLA gives for an online news
// article:
//   Author Last, First. "Title of the Article." Outlet, Day Mon. Year, URL. Accessed Day Mon. Year.
// Two authors are "Last, First, and First Last"; three or more "Last, First, et al."; an agency
// byline stands as written ("AFP."); no author: the entry starts with the title. Months longer
// than four letters are abbreviated. The link is given without its "https://" (cite.ts drops it).
const MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

export const MLA_9TH_CSL = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" demote-non-dropping-particle="never" default-locale="en-US">
  <info>
    <title>Modern Language Association 9th edition (news articles, Cuttings)</title>
    <id>https://cuttings.app/csl/mla-9th-news</id>
    <updated>2026-12-03T00:00:00+00:00</updated>
  </info>
  <locale xml:lang="en">
    <date form="text">
      <date-part name="day" suffix=" "/>
      <date-part name="month" form="short" suffix=" "/>
      <date-part name="year"/>
    </date>
    <terms>
${MONTHS.map((m, i) => `      <term name="month-${String(i + 1).padStart(2, '0')}" form="short">${m}</term>`).join('\n')}
      <term name="et-al">et al.</term>
    </terms>
  </locale>
  <macro name="author">
    <names variable="author">
      <name name-as-sort-order="first" and="text" delimiter=", " delimiter-precedes-last="always" initialize="false"/>
    </names>
  </macro>
  <macro name="author-short">
    <names variable="author">
      <name form="short" and="text" initialize="false"/>
      <substitute>
        <text variable="title" form="short" quotes="true" text-case="title"/>
      </substitute>
    </names>
  </macro>
  <macro name="sort-key">
    <names variable="author">
      <name name-as-sort-order="all" and="text" initialize="false"/>
      <substitute>
        <text variable="title"/>
      </substitute>
    </names>
  </macro>
  <citation et-al-min="3" et-al-use-first="1">
    <layout prefix="(" suffix=")" delimiter="; ">
      <text macro="author-short"/>
    </layout>
  </citation>
  <bibliography hanging-indent="true" et-al-min="3" et-al-use-first="1" entry-spacing="0" line-spacing="2">
    <sort>
      <key macro="sort-key"/>
      <key variable="title"/>
    </sort>
    <layout suffix=".">
      <group delimiter=". ">
        <text macro="author"/>
        <text variable="title" quotes="true" text-case="title"/>
        <group delimiter=", ">
          <text variable="container-title" font-style="italic" text-case="title"/>
          <date variable="issued" form="text"/>
          <text variable="URL"/>
        </group>
        <group delimiter=" ">
          <text value="Accessed"/>
          <date variable="accessed" form="text"/>
        </group>
      </group>
    </layout>
  </bibliography>
</style>
`;
