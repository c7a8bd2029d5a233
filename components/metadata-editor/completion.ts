import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import { syntaxTree } from "@codemirror/language";
import type { SyntaxNode } from "@lezer/common";

// Completion of the metadata's member names and enum values from the JSON Schema the core derives from its
// zod schemas (metadataJsonSchema): the editor suggests exactly what the rules know.

type PropertySchema = { type?: string; enum?: string[]; description?: string; items?: PropertySchema };
export type MetadataJsonSchema = { properties?: Record<string, PropertySchema> };

const wordBefore = /"?[\w#:.\-/]*$/;

/** The member name of a Property node. */
const nameOf = (property: SyntaxNode, context: CompletionContext) => {
  const name = property.getChild("PropertyName");
  return name ? context.state.sliceDoc(name.from, name.to).replace(/^"|"$/g, "") : null;
};

/** Names of the members an Object node already has. */
function memberNames(object: SyntaxNode, context: CompletionContext): Set<string> {
  return new Set(object.getChildren("Property").map((p) => nameOf(p, context)).filter((n): n is string => n !== null));
}

/** Strings already listed in an Array node. */
function arrayValues(array: SyntaxNode, context: CompletionContext): Set<string> {
  return new Set(array.getChildren("String").map((s) => context.state.sliceDoc(s.from + 1, s.to - 1)));
}

const isTopLevel = (object: SyntaxNode) => object.name === "Object" && object.parent?.name === "JsonText";

function valueOptions(schema: PropertySchema | undefined, skip: Set<string> = new Set()): Completion[] {
  if (!schema) return [];
  if (schema.enum) return schema.enum.filter((v) => !skip.has(v)).map((v) => ({ label: JSON.stringify(v), displayLabel: v, type: "enum" }));
  if (schema.type === "boolean") return ["true", "false"].map((v) => ({ label: v, type: "keyword" }));
  return [];
}

export function metadataCompletionSource(schema: MetadataJsonSchema): CompletionSource {
  const properties = schema.properties ?? {};
  return (context): CompletionResult | null => {
    const word = context.matchBefore(wordBefore);
    if (!context.explicit && (!word || word.from === word.to)) return null;
    const from = word?.from ?? context.pos;
    let node: SyntaxNode | null = syntaxTree(context.state).resolveInner(context.pos, -1);
    // A string being typed: replace it whole, closing quote included.
    const to = node.name === "String" || node.name === "PropertyName" ? Math.max(node.to, context.pos) : context.pos;

    // Climb to the nearest structure that says what belongs here.
    while (node && !["Object", "Array", "Property", "JsonText"].includes(node.name)) node = node.parent;
    if (!node) return null;

    if (node.name === "Property") {
      const name = node.getChild("PropertyName");
      const colon = node.getChild(":");
      const onName = name && context.pos <= name.to;
      if (!onName && colon && context.pos > colon.from) {
        const options = valueOptions(properties[nameOf(node, context) ?? ""]);
        return options.length ? { from, to, options, validFor: wordBefore } : null;
      }
      if (!node.parent || !isTopLevel(node.parent)) return null;
      return { from, to: name ? name.to : to, options: memberOptions(memberNames(node.parent, context), nameOf(node, context), !!colon), validFor: wordBefore };
    }
    if (node.name === "Object") {
      if (!isTopLevel(node)) return null;
      return { from, to, options: memberOptions(memberNames(node, context), null, false), validFor: wordBefore };
    }
    if (node.name === "Array" && node.parent?.name === "Property" && node.parent.parent && isTopLevel(node.parent.parent)) {
      const options = valueOptions(properties[nameOf(node.parent, context) ?? ""]?.items, arrayValues(node, context));
      return options.length ? { from, to, options, validFor: wordBefore } : null;
    }
    return null;
  };

  function memberOptions(present: Set<string>, editing: string | null, hasColon: boolean): Completion[] {
    return Object.entries(properties)
      .filter(([name]) => name === editing || !present.has(name))
      .map(([name, property]) => ({
        label: JSON.stringify(name),
        displayLabel: name,
        type: "property",
        detail: property.enum ? "one of" : property.type,
        info: property.description,
        apply: hasColon ? JSON.stringify(name) : `${JSON.stringify(name)}: `,
      }));
  }
}
