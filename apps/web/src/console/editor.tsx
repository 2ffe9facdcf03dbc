// Loaded on demand by CypherInput: the Cypher editor (with its parser) is most of the app's weight.
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { EditorView } from '@codemirror/view';
import { CypherEditor as BaseEditor, type CypherEditorProps } from '@neo4j-cypher/react-codemirror';

/**
 * CodeMirror writes its styles into a <style> element at run time; the server's Content-Security-Policy
 * lets it only with the nonce the server put in this page (none when Vite's dev server serves it).
 */
const styleNonce = EditorView.cspNonce.of(
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '',
);

export function CypherEditor(props: CypherEditorProps) {
  return <BaseEditor {...props} preExtensions={[styleNonce, ...(props.preExtensions ?? [])]} />;
}
