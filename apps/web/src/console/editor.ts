// Loaded on demand by CypherInput: the Cypher editor (with its parser) is most of the app's weight.
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';

export { CypherEditor } from '@neo4j-cypher/react-codemirror';
