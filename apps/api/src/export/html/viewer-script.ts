/**
 * The viewer, run in the reader's browser. Plain JavaScript kept as text so that it ships exactly as
 * written. It reads the embedded JSON, draws it with Cytoscape.js and writes every text with
 * textContent (never as HTML), so nothing in the data can become markup or script. Links are made
 * only for http(s) URLs of sources.
 */
export const VIEWER_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('export-data').textContent);
  var byId = {};
  data.nodes.concat(data.sources).forEach(function (n) { byId[n.id] = n; });

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function valueText(v) { return Array.isArray(v) ? v.join('; ') : String(v); }

  // Header: what was exported and when, and whether any of it is invented.
  var header = document.getElementById('header');
  header.appendChild(el('h1', data.title));
  header.appendChild(el('p', 'Exported: ' + data.what));
  header.appendChild(el('p', 'When: ' + data.exportedAt));
  header.appendChild(el('p', data.nodes.length + ' entities, ' + data.edges.length + ' relationships', 'counts'));
  if (data.synthetic) {
    header.appendChild(el('p', 'This file contains SYNTHETIC (invented) entities: demonstration data, not facts.', 'notice'));
  }

  // Legend: every kind drawn, with its colour and shape named (colour is never the only cue).
  var legend = document.getElementById('legend-list');
  Object.keys(data.kinds).forEach(function (kind) {
    if (!data.nodes.some(function (n) { return n.kind === kind; })) return;
    var style = data.kinds[kind];
    var li = el('li');
    var swatch = el('span', null, 'swatch');
    swatch.style.background = style.colour;
    li.appendChild(swatch);
    li.appendChild(el('span', style.label + ' (' + style.shape + ')'));
    legend.appendChild(li);
  });

  var details = document.getElementById('details');
  function row(dl, term, value) {
    dl.appendChild(el('dt', term));
    dl.appendChild(el('dd', value));
  }
  function showSources(ids) {
    if (!ids || ids.length === 0) return;
    details.appendChild(el('h3', 'Sources'));
    ids.forEach(function (id) {
      var s = byId[id];
      var box = el('div', null, 'source');
      if (!s) {
        box.appendChild(el('p', id + ' (not in this file)'));
        details.appendChild(box);
        return;
      }
      box.appendChild(el('strong', s.name));
      var p = s.properties;
      var meta = [p.publisher, p.date].filter(function (x) { return typeof x === 'string'; }).join(', ');
      if (meta) box.appendChild(el('p', meta));
      if (s.flags.synthetic) box.appendChild(el('span', 'synthetic (invented)', 'flag synthetic'));
      if (typeof p.quote === 'string') box.appendChild(el('blockquote', p.quote));
      if (typeof p.url === 'string' && /^https?:\\/\\//i.test(p.url)) {
        var a = el('a', p.url);
        a.href = p.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        box.appendChild(a);
      }
      details.appendChild(box);
    });
  }
  function showFlags(flags) {
    (flags.listings || []).forEach(function (l) {
      details.appendChild(el('span', 'Listed on ' + l.listName + (l.date ? ' since ' + l.date : '') + (l.citation ? ' (' + l.citation + ')' : ''), 'flag'));
    });
    if (flags.synthetic) details.appendChild(el('span', 'synthetic (invented)', 'flag synthetic'));
    if (flags.group) details.appendChild(el('span', 'group (an unnamed set)', 'flag'));
  }
  function showProperties(properties) {
    var dl = el('dl');
    Object.keys(properties).sort().forEach(function (k) {
      if (k === 'sourceIds' || k === 'synthetic') return;
      row(dl, k, valueText(properties[k]));
    });
    details.appendChild(dl);
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) return;
    clear(details);
    details.appendChild(el('h2', n.name));
    details.appendChild(el('p', (data.kinds[n.kind] || { label: n.kind }).label + ' · ' + n.id));
    showFlags(n.flags);
    showProperties(n.properties);
    showSources(n.properties.sourceIds);
  }
  function showEdge(edge) {
    clear(details);
    var from = byId[edge.source], to = byId[edge.target];
    details.appendChild(el('h2', edge.type));
    details.appendChild(el('p', (from ? from.name : edge.source) + ' → ' + (to ? to.name : edge.target)));
    if (edge.properties.synthetic === true) details.appendChild(el('span', 'synthetic (invented)', 'flag synthetic'));
    showProperties(edge.properties);
    showSources(edge.properties.sourceIds);
  }

  var edgesById = {};
  data.edges.forEach(function (e) { edgesById[e.id] = e; });
  var cy = cytoscape({
    container: document.getElementById('cy'),
    elements: data.nodes.map(function (n) {
      var style = data.kinds[n.kind] || { colour: '#999999', shape: 'ellipse' };
      var badges = n.flags.listings.map(function (l) { return '⚑ ' + l.listName; });
      if (n.flags.synthetic) badges.push('✱ synthetic');
      return { group: 'nodes', data: { id: n.id, label: [n.name].concat(badges).join('\\n'), colour: style.colour, shape: style.shape, synthetic: n.flags.synthetic, listed: n.flags.listings.length > 0 } };
    }).concat(data.edges.map(function (e) {
      return { group: 'edges', data: { id: 'edge:' + e.id, edgeId: e.id, source: e.source, target: e.target, label: e.type, synthetic: e.properties.synthetic === true } };
    })),
    style: [
      { selector: 'node', style: { label: 'data(label)', 'background-color': 'data(colour)', shape: 'data(shape)', width: 30, height: 30, 'border-width': 1.5, 'border-color': '#1d2430', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': '150px', 'text-valign': 'bottom', 'text-margin-y': 4, 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'min-zoomed-font-size': 7 } },
      { selector: 'node[?listed]', style: { 'border-width': 5, 'border-style': 'double', 'border-color': '#A63A00' } },
      { selector: 'node[?synthetic]', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': '#3d2c8d' } },
      { selector: 'edge', style: { label: 'data(label)', width: 1.5, 'line-color': '#7a8494', 'target-arrow-color': '#7a8494', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'font-size': 8, 'text-rotation': 'autorotate', 'min-zoomed-font-size': 8 } },
      { selector: 'edge[?synthetic]', style: { 'line-style': 'dashed' } },
      { selector: ':selected', style: { 'overlay-color': '#0072B2', 'overlay-opacity': 0.25, 'overlay-padding': 6 } }
    ],
    layout: { name: 'cose', animate: false, randomize: false }
  });
  cy.on('tap', 'node', function (evt) { showNode(evt.target.id()); });
  cy.on('tap', 'edge', function (evt) { showEdge(edgesById[evt.target.data('edgeId')]); });
  document.getElementById('fit').addEventListener('click', function () { cy.fit(undefined, 30); });

  // The same entities as a list of buttons: reachable by keyboard and by screen readers.
  var list = document.getElementById('entity-list');
  data.nodes.slice().sort(function (a, b) { return a.name.localeCompare(b.name); }).forEach(function (n) {
    var li = el('li');
    var button = el('button', n.name);
    button.type = 'button';
    button.addEventListener('click', function () {
      cy.elements().unselect();
      cy.getElementById(n.id).select();
      cy.animate({ center: { eles: cy.getElementById(n.id) } }, { duration: 200 });
      showNode(n.id);
    });
    li.appendChild(button);
    list.appendChild(li);
  });
  document.body.setAttribute('data-rendered', String(cy.nodes().length));
})();
`;
