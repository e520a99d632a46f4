// Sortable and filterable tables (issue 9: disclosure catalogue, key figures). Progressive enhancement: the
// tables are complete HTML without this script. A table opts in with data-sortable (its last header row gets
// sort buttons; the th carries aria-sort) and data-filterable (a labelled search box above it; the number of
// rows shown is announced through a status message). Texts come from data-* attributes in the page's language.
(function () {
  'use strict';

  function cellValue(row, index, type) {
    var cell = row.cells[index];
    var text = cell ? cell.textContent.trim() : '';
    if (type === 'number') {
      var match = text.match(/-?\d+(\.\d+)?/);
      return match ? parseFloat(match[0]) : -Infinity;
    }
    return text;
  }

  function makeSortable(table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body) {
      return;
    }
    var headerRow = head.rows[head.rows.length - 1];
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    Array.prototype.forEach.call(headerRow.cells, function (th, index) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headerRow.cells, function (other) {
          other.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var type = th.getAttribute('data-type') || 'text';
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, type);
          var y = cellValue(b, index, type);
          var order = type === 'number' ? x - y : collator.compare(x, y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) {
          body.appendChild(row);
        });
      });
    });
  }

  function makeFilterable(table) {
    var body = table.tBodies[0];
    if (!body || !table.id) {
      return;
    }
    var rows = Array.prototype.slice.call(body.rows);
    var template = table.getAttribute('data-shown') || '{0} / {1}';
    var wrapper = document.createElement('div');
    wrapper.className = 'table-filter';
    var label = document.createElement('label');
    label.htmlFor = table.id + '-filter';
    label.textContent = table.getAttribute('data-filter-label') || 'Filter';
    var input = document.createElement('input');
    input.type = 'search';
    input.id = table.id + '-filter';
    input.setAttribute('aria-controls', table.id);
    var status = document.createElement('p');
    status.className = 'filter-status';
    status.setAttribute('role', 'status');
    wrapper.appendChild(label);
    wrapper.appendChild(input);
    wrapper.appendChild(status);
    input.addEventListener('input', function () {
      var query = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = query === '' || row.textContent.toLowerCase().indexOf(query) >= 0;
        row.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      status.textContent = query === '' ? '' : template.replace('{0}', String(shown)).replace('{1}', String(rows.length));
    });
    var region = table.closest('.table-scroll') || table;
    region.parentNode.insertBefore(wrapper, region);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-filterable]'), makeFilterable);
    Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), makeSortable);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
