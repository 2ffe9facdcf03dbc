/** The viewer's page style: system fonts only (no web font is ever fetched), graph left, panels right. */
export const VIEWER_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; background: #f6f7f9; }
header { padding: 10px 16px; background: #ffffff; border-bottom: 1px solid #d5d9e0; }
header h1 { margin: 0 0 2px; font-size: 18px; }
header p { margin: 2px 0; }
.notice { margin: 8px 0 0; padding: 8px 12px; border: 2px dashed #3d2c8d; background: #f1eefb; font-weight: 600; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 360px; height: calc(100vh - 110px); min-height: 420px; }
#graph { position: relative; background: #ffffff; border-right: 1px solid #d5d9e0; }
#cy { position: absolute; inset: 0; }
#fit { position: absolute; top: 8px; left: 8px; z-index: 2; }
aside { overflow: auto; padding: 10px 14px; }
aside h2 { font-size: 15px; margin: 14px 0 6px; }
#legend ul, #entities ul { list-style: none; margin: 0; padding: 0; }
#legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #1d2430; }
#entities button { display: block; width: 100%; text-align: left; margin: 1px 0; padding: 3px 6px; border: 1px solid transparent; background: none; font: inherit; color: inherit; cursor: pointer; }
#entities button:hover, #entities button:focus { border-color: #0072B2; background: #e8f1f8; }
#details dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 10px; margin: 6px 0; }
#details dt { font-weight: 600; }
#details dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
.flag { display: inline-block; margin: 2px 4px 2px 0; padding: 1px 6px; border-radius: 3px; background: #fde6d8; }
.flag.synthetic { background: #e4def7; }
blockquote { margin: 4px 0 8px; padding: 4px 10px; border-left: 3px solid #7a8494; background: #ffffff; white-space: pre-wrap; }
.source { margin: 8px 0; padding-top: 6px; border-top: 1px solid #d5d9e0; }
`;
