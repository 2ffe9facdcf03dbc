// The package ships typings that its "exports" map hides from TypeScript; point the import at them.
declare module '@neo4j-cypher/react-codemirror' {
  export { CypherEditor, type CypherEditorProps } from '@neo4j-cypher/react-codemirror/src/react-codemirror.d.ts';
}
