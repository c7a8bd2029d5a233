import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";

// The editor in the console's own palette (zinc, indigo accent), light and dark.

const palette = {
  light: { background: "#ffffff", gutter: "#fafafa", gutterText: "#71717a", border: "#e4e4e7", text: "#18181b", activeLine: "#f4f4f580", selection: "#c7d2fe", cursor: "#4f46e5", tooltip: "#ffffff" },
  dark: { background: "#09090b", gutter: "#18181b", gutterText: "#a1a1aa", border: "#27272a", text: "#f4f4f5", activeLine: "#27272a60", selection: "#3730a3", cursor: "#818cf8", tooltip: "#18181b" },
};

function editorTheme(dark: boolean) {
  const c = dark ? palette.dark : palette.light;
  return EditorView.theme(
    {
      "&": { backgroundColor: c.background, color: c.text, fontSize: "13px", height: "100%" },
      "&.cm-focused": { outline: "none" },
      ".cm-scroller": { fontFamily: "var(--font-geist-mono), ui-monospace, monospace", lineHeight: "1.6" },
      ".cm-content": { caretColor: c.cursor, paddingBlock: "8px" },
      ".cm-cursor, .cm-dropCursor": { borderLeftColor: c.cursor, borderLeftWidth: "2px" },
      "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: c.selection },
      ".cm-activeLine": { backgroundColor: c.activeLine },
      ".cm-gutters": { backgroundColor: c.gutter, color: c.gutterText, borderRight: `1px solid ${c.border}` },
      ".cm-activeLineGutter": { backgroundColor: c.activeLine, color: c.text },
      ".cm-tooltip": { backgroundColor: c.tooltip, border: `1px solid ${c.border}`, borderRadius: "8px", boxShadow: "0 8px 24px rgb(0 0 0 / 0.12)", overflow: "hidden" },
      ".cm-tooltip-autocomplete > ul > li": { padding: "3px 8px" },
      ".cm-tooltip-autocomplete > ul > li[aria-selected]": { backgroundColor: dark ? "#3730a3" : "#e0e7ff", color: c.text },
      ".cm-completionInfo": { padding: "6px 8px", maxWidth: "320px" },
      ".cm-completionDetail": { color: c.gutterText, fontStyle: "normal", marginLeft: "8px" },
      ".cm-diagnostic": { padding: "4px 8px" },
      ".cm-diagnostic-error": { borderLeftColor: dark ? "#f87171" : "#dc2626" },
      ".cm-lintRange-error": {
        backgroundImage: `url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='6' height='3'%3E%3Cpath d='m0 3 l2 -2 l1 0 l2 2 l1 0' stroke='${dark ? "%23f87171" : "%23dc2626"}' fill='none' stroke-width='1.1'/%3E%3C/svg%3E")`,
      },
      ".cm-panels": { backgroundColor: c.gutter, color: c.text },
      ".cm-searchMatch": { backgroundColor: dark ? "#854d0e80" : "#fde68a" },
      ".cm-foldPlaceholder": { backgroundColor: "transparent", border: `1px solid ${c.border}`, color: c.gutterText },
    },
    { dark },
  );
}

// json-preview.tsx draws the text before CodeMirror loads in these same colours (as Tailwind's indigo, emerald,
// amber, fuchsia and zinc classes): a change here is a change there.
function highlighting(dark: boolean) {
  return syntaxHighlighting(
    HighlightStyle.define([
      { tag: tags.propertyName, color: dark ? "#a5b4fc" : "#4338ca" },
      { tag: tags.string, color: dark ? "#6ee7b7" : "#047857" },
      { tag: tags.number, color: dark ? "#fcd34d" : "#b45309" },
      { tag: [tags.bool, tags.null], color: dark ? "#f0abfc" : "#a21caf" },
      { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: dark ? "#a1a1aa" : "#71717a" },
    ]),
  );
}

export const consoleEditorTheme = (dark: boolean) => [editorTheme(dark), highlighting(dark)];
