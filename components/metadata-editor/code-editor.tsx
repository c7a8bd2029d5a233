"use client";

import { jsonLanguage, json } from "@codemirror/lang-json";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useEffect, useMemo, useState } from "react";
import type { MetadataProblem } from "./analysis";
import { metadataCompletionSource, type MetadataJsonSchema } from "./completion";
import { consoleEditorTheme } from "./theme";

// The CodeMirror half of the metadata editor: the only large chunk of the console, loaded on demand
// (metadata-editor.tsx imports it with next/dynamic).

export type CodeEditorProps = {
  value: string;
  onChange: (value: string) => void;
  problems: MetadataProblem[];
  jsonSchema: MetadataJsonSchema;
  dark: boolean;
  /** ids of the visible label and of the help and problem texts. */
  labelledBy: string;
  describedBy: string;
  invalid: boolean;
  onView: (view: EditorView | null) => void;
};

export default function CodeEditor({ value, onChange, problems, jsonSchema, dark, labelledBy, describedBy, invalid, onView }: CodeEditorProps) {
  const [view, setView] = useState<EditorView | null>(null);

  const extensions = useMemo(
    () => [
      json(),
      jsonLanguage.data.of({ autocomplete: metadataCompletionSource(jsonSchema) }),
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ "aria-labelledby": labelledBy, "aria-describedby": describedBy, "aria-multiline": "true" }),
    ],
    [jsonSchema, labelledBy, describedBy],
  );
  const theme = useMemo(() => consoleEditorTheme(dark), [dark]);

  // Diagnostics come from the same analysis as the problem list below the editor, so both always agree.
  useEffect(() => {
    if (!view) return;
    const length = view.state.doc.length;
    const diagnostics: Diagnostic[] = problems.map((p) => ({ from: Math.min(p.from, length), to: Math.min(p.to, length), severity: "error", message: p.message, source: p.source === "syntax" ? "JSON" : "metadata" }));
    view.dispatch(setDiagnostics(view.state, diagnostics));
  }, [view, problems]);

  useEffect(() => {
    view?.contentDOM.setAttribute("aria-invalid", String(invalid));
  }, [view, invalid]);

  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={theme}
      height="100%"
      className="h-full"
      // Tab moves focus on: the editor must not trap keyboard users (indent with the toolbar's Format instead).
      indentWithTab={false}
      basicSetup={{ lineNumbers: true, foldGutter: true, highlightActiveLine: true, bracketMatching: true, closeBrackets: true, autocompletion: true, lintKeymap: true }}
      onCreateEditor={(created) => {
        setView(created);
        onView(created);
      }}
    />
  );
}
