/* proofdeck docs site: theme toggle, navigation drawer, offline search and the "on this page" highlight.
   Plain browser JavaScript, no build step; it must work from file://, so the search index arrives as a
   script that sets a global rather than a JSON file fetched at run time. */
(function () {
  'use strict';
  var doc = document.documentElement;
  var root = doc.getAttribute('data-root') || '';
  var THEME_KEY = 'proofdeck-theme';

  /* Theme: follows the system until the reader picks one; the pick is remembered. */
  var dark = window.matchMedia('(prefers-color-scheme: dark)');
  var toggle = document.querySelector('.theme-toggle');
  function effectiveTheme() {
    return doc.dataset.theme || (dark.matches ? 'dark' : 'light');
  }
  function syncToggle() {
    if (toggle) toggle.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
  }
  if (toggle) {
    toggle.addEventListener('click', function () {
      var next = effectiveTheme() === 'dark' ? 'light' : 'dark';
      doc.dataset.theme = next;
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch (error) {
        /* Storage can be off (private mode); the choice then lasts for this page only. */
      }
      syncToggle();
    });
  }
  dark.addEventListener('change', syncToggle);
  syncToggle();

  /* Navigation drawer on narrow screens. */
  var menu = document.querySelector('.menu-toggle');
  if (menu) {
    menu.addEventListener('click', function () {
      var open = document.body.classList.toggle('nav-open');
      menu.setAttribute('aria-expanded', String(open));
      menu.setAttribute('aria-label', open ? 'Hide navigation' : 'Show navigation');
    });
  }

  /* Search: the engine and index load on first use, so pages that are only read stay light. */
  var input = document.getElementById('search-input');
  var panel = document.getElementById('search-panel');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var engine = null;
  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error('could not load ' + src));
      };
      document.head.appendChild(script);
    });
  }

  function loadEngine() {
    if (!loading) {
      loading = loadScript(root + '_proofdeck/minisearch.js')
        .then(function () {
          return loadScript(root + 'search-index.js');
        })
        .then(function () {
          var data = window.proofdeckSearchIndex;
          engine = window.MiniSearch.loadJS(data.index, data.options);
        });
    }
    return loading;
  }

  /* Where a hit matched, when not in the title or prose: readers like to know why a slide came up. */
  function matchedIn(result) {
    var fields = {};
    Object.keys(result.match).forEach(function (term) {
      result.match[term].forEach(function (field) {
        fields[field] = true;
      });
    });
    if (fields.title || fields.text) return '';
    if (fields.code) return 'in code';
    return fields.notes ? 'in speaker notes' : '';
  }

  function show(results, query) {
    list.replaceChildren();
    results.slice(0, 12).forEach(function (result) {
      var link = document.createElement('a');
      link.href = root + result.url;
      var title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = result.title;
      var where = document.createElement('span');
      where.className = 'result-page';
      var matched = matchedIn(result);
      where.textContent = result.page + (matched ? ' · ' + matched : '');
      link.append(title, where);
      var item = document.createElement('li');
      item.append(link);
      list.append(item);
    });
    var count = results.length;
    status.textContent =
      count === 0 ? 'No results for “' + query + '”' : count + (count === 1 ? ' result' : ' results');
    panel.hidden = false;
  }

  function search() {
    var query = input.value.trim();
    if (query === '') {
      panel.hidden = true;
      return;
    }
    loadEngine().then(
      function () {
        if (input.value.trim() === query) show(engine.search(query), query);
      },
      function () {
        status.textContent = 'Search is unavailable.';
        panel.hidden = false;
      },
    );
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('a'));
  }

  if (input && panel && list && status) {
    input.addEventListener('focus', loadEngine);
    input.addEventListener('input', search);
    input.addEventListener('keydown', function (event) {
      var first = links()[0];
      if (event.key === 'ArrowDown' && first) {
        event.preventDefault();
        first.focus();
      } else if (event.key === 'Enter' && first) {
        event.preventDefault();
        first.click();
      } else if (event.key === 'Escape') {
        input.value = '';
        panel.hidden = true;
      }
    });
    list.addEventListener('keydown', function (event) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var next = all[at + (event.key === 'ArrowDown' ? 1 : -1)];
        (next || input).focus();
      } else if (event.key === 'Escape') {
        panel.hidden = true;
        input.focus();
      }
    });
    list.addEventListener('click', function () {
      panel.hidden = true;
    });
    document.addEventListener('click', function (event) {
      if (!event.target.closest || !event.target.closest('.search')) panel.hidden = true;
    });
    document.addEventListener('keydown', function (event) {
      var typing =
        /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  /* "On this page": mark the section being read. */
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll('.toc a[href^="#"]'));
  if (tocLinks.length > 0 && 'IntersectionObserver' in window) {
    var byId = {};
    tocLinks.forEach(function (link) {
      byId[decodeURIComponent(link.getAttribute('href').slice(1))] = link;
    });
    var observer = new IntersectionObserver(
      function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          tocLinks.forEach(function (link) {
            link.classList.remove('active');
          });
          var link = byId[entry.target.id];
          if (link) link.classList.add('active');
        });
      },
      { rootMargin: '0px 0px -70% 0px' },
    );
    Object.keys(byId).forEach(function (id) {
      var target = document.getElementById(id);
      if (target) observer.observe(target);
    });
  }
})();
