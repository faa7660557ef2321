// The report's search: a dialog over the Pagefind index, with verdict, source and tag filters,
// and the searched words highlighted on the page a result leads to. No dependency but Pagefind,
// which is loaded from the site itself the first time the dialog opens.
(function () {
  "use strict";

  var opener = document.querySelector(".fc-search-open");
  if (!opener || typeof HTMLDialogElement !== "function") return;
  var words = readWords();
  var dialog = buildDialog(opener);
  var input = document.getElementById("fc-search-input");
  var status = document.getElementById("fc-search-status");
  var list = document.getElementById("fc-search-results");
  var selects = Array.prototype.slice.call(dialog.querySelectorAll("select[data-filter]"));
  var bundle = new URL(opener.getAttribute("data-bundle"), location.href).href;
  var SHOWN = 10; // results rendered at once; each needs its own small fragment file
  var pagefind = null;
  var searches = 0;
  var timer = 0;

  // The dialog's words, in the report's language: the page carries them as JSON (partials/factcheck-search.html).
  function readWords() {
    var blob = document.getElementById("fc-search-words");
    return JSON.parse(blob.textContent);
  }

  function escapeHtml(text) {
    var node = document.createElement("span");
    node.textContent = text;
    return node.innerHTML.replace(/"/g, "&quot;");
  }

  // One of the message's plural forms, by the category the page's language gives the count.
  function counted(forms, count, values) {
    var category = new Intl.PluralRules(document.documentElement.lang || "en").select(count);
    var text = forms[category] || forms.other || forms[Object.keys(forms)[0]];
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? String(values[name]) : all;
    });
  }

  // The dialog's markup lives here, not in every page: it is the same on all of them.
  function buildDialog(button) {
    var close =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 ' +
      '10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>';
    var filters = ["verdict", "source", "tag"]
      .map(function (f) {
        var named = words.filters[f];
        return (
          '<span class="fc-search__filter"><label for="fc-filter-' + f + '">' + escapeHtml(named[0]) + "</label> " +
          '<select id="fc-filter-' + f + '" data-filter="' + f + '" aria-controls="fc-search-results">' +
          '<option value="">' + escapeHtml(named[1]) + "</option></select></span>"
        );
      })
      .join("");
    var element = document.createElement("dialog");
    element.id = "fc-search";
    element.className = "fc-search md-typeset";
    element.setAttribute("aria-labelledby", "fc-search-title");
    element.innerHTML =
      '<form class="fc-search__form" role="search" method="dialog">' +
      '<div class="fc-search__bar"><h2 id="fc-search-title" class="fc-search__title">' + escapeHtml(words.title) +
      '</h2><button type="submit" class="fc-search__close md-icon" value="close" aria-label="' +
      escapeHtml(words.close) + '" title="' + escapeHtml(words.close_short) + '">' + close + "</button></div>" +
      '<label class="fc-search__label" for="fc-search-input">' + escapeHtml(words.label) + "</label>" +
      '<input id="fc-search-input" class="fc-search__input" type="search" name="q" autocomplete="off" ' +
      'autocapitalize="off" spellcheck="false" aria-controls="fc-search-results" aria-describedby="fc-search-status">' +
      '<fieldset class="fc-search__filters"><legend class="fc-search__legend">' + escapeHtml(words.only) +
      "</legend>" + filters + "</fieldset></form>" +
      '<p id="fc-search-status" class="fc-search__status" role="status" aria-live="polite">' +
      escapeHtml(words.type) + "</p>" +
      '<p class="fc-search__stale" role="note" hidden>' + escapeHtml(words.stale) + "</p>" +
      '<ol id="fc-search-results" class="fc-search__results" aria-label="' + escapeHtml(words.results) + '"></ol>';
    element.querySelector("input").placeholder = button.getAttribute("data-placeholder") || "";
    document.body.appendChild(element);
    return element;
  }

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        return pf
          .options({
            baseUrl: new URL("..", bundle).pathname,
            excerptLength: 24,
            highlightParam: "highlight",
          })
          .then(function () {
            return pf.init();
          })
          .then(function () {
            return pf;
          });
      });
      pagefind.catch(function () {
        pagefind = null;
        say(words.unavailable);
      });
    }
    return pagefind;
  }

  function say(text) {
    status.textContent = text;
  }

  function filtersChosen() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.getAttribute("data-filter")] = select.value;
    });
    return chosen;
  }

  function fillFilters(pf) {
    return pf.filters().then(function (all) {
      selects.forEach(function (select) {
        var values = all[select.getAttribute("data-filter")] || {};
        var names = Object.keys(values).sort(function (a, b) {
          return a.localeCompare(b);
        });
        names.forEach(function (name) {
          var option = document.createElement("option");
          option.value = name;
          option.textContent = name + " (" + values[name] + ")";
          select.appendChild(option);
        });
      });
    });
  }

  // A preview indexes in the background after a rebuild; while it does, a flag file says so.
  function checkStale() {
    var notice = dialog.querySelector(".fc-search__stale");
    fetch(new URL("../search-stale.json", bundle).href, { cache: "no-store" })
      .then(function (response) {
        notice.hidden = !response.ok;
      })
      .catch(function () {
        notice.hidden = true;
      });
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    checkStale();
    input.focus();
    input.select();
    load().then(function (pf) {
      if (!selects[0].options.length || selects[0].options.length === 1) {
        fillFilters(pf).catch(function () {});
      }
    });
  }

  // Only text and <mark> are kept from an excerpt: the indexed text comes from the records.
  function excerptNodes(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        out.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function resultItem(data) {
    var meta = data.meta || {};
    var item = element("li", "fc-search__result");
    var link = element("a", "fc-search__link");
    link.href = data.url;
    if (meta.verdict) {
      var badge = element("span", "fc-search__verdict", meta.verdict);
      var verdictId = (meta.verdict_id || "").replace(/[^a-z0-9-]/g, "");
      if (verdictId) badge.classList.add("fc-v-" + verdictId);
      link.appendChild(badge);
      link.appendChild(document.createTextNode(" "));
    } else {
      link.appendChild(element("span", "fc-search__kind", meta.kind || words.page));
      link.appendChild(document.createTextNode(" "));
    }
    link.appendChild(element("span", "fc-search__name", meta.title || data.url));
    if (meta.status === "withdrawn") link.appendChild(element("span", "fc-search__withdrawn", words.withdrawn));
    item.appendChild(link);
    if (meta.source) item.appendChild(element("p", "fc-search__source", meta.source));
    var excerpt = element("p", "fc-search__excerpt");
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    item.appendChild(excerpt);
    return item;
  }

  // Renders results [from, from + SHOWN) of a search, then a button for the next ones.
  function render(found, from, serial, replace) {
    var slice = found.results.slice(from, from + SHOWN);
    return Promise.all(
      slice.map(function (result) {
        return result.data();
      })
    ).then(function (pages) {
      if (serial !== searches) return null;
      var items = pages.map(resultItem);
      var next = from + slice.length;
      if (next < found.results.length) items.push(moreItem(found, next, serial));
      if (replace) {
        list.replaceChildren.apply(list, items);
      } else {
        var more = list.querySelector(".fc-search__more");
        if (more) more.remove();
        items.forEach(function (item) {
          list.appendChild(item);
        });
      }
      return items;
    });
  }

  function moreItem(found, next, serial) {
    var item = element("li", "fc-search__more");
    var left = found.results.length - next;
    var button = element("button", "md-button", counted(words.more, left, { shown: Math.min(left, SHOWN), left: left }));
    button.type = "button";
    button.addEventListener("click", function () {
      render(found, next, serial, false).then(function (items) {
        var link = items && items[0] && items[0].querySelector("a");
        if (link) link.focus();
      });
    });
    item.appendChild(button);
    return item;
  }

  function search() {
    var term = input.value.trim();
    var filters = filtersChosen();
    var serial = ++searches;
    if (!term && !Object.keys(filters).length) {
      list.replaceChildren();
      list.removeAttribute("data-query");
      list.removeAttribute("data-filters");
      say(words.type);
      return;
    }
    load().then(function (pf) {
      return pf.search(term || null, { filters: filters }).then(function (found) {
        if (serial !== searches || !found) return; // a newer search is on its way
        return render(found, 0, serial, true).then(function (items) {
          if (!items) return;
          list.setAttribute("data-query", term);
          list.setAttribute("data-filters", new URLSearchParams(filters).toString());
          var count = found.results.length;
          say(
            count === 0
              ? words.none + (Object.keys(filters).length ? words.remove_filter : "")
              : counted(words.matches, count, { count: count })
          );
        });
      });
    });
  }

  function schedule() {
    var term = input.value.trim();
    clearTimeout(timer);
    if (term) {
      load().then(function (pf) {
        pf.preload(term, { filters: filtersChosen() });
      });
    }
    timer = setTimeout(search, 40);
  }

  // A key is typed text only in a field that takes text: a checkbox or a radio button (the
  // theme's toggles) does not, and '/' or 's' there still opens the search.
  var NOT_TEXT = ["button", "checkbox", "color", "file", "hidden", "image", "radio", "range", "reset", "submit"];

  function typing(target) {
    var tag = target && target.tagName;
    if (tag === "INPUT") return NOT_TEXT.indexOf((target.type || "").toLowerCase()) === -1;
    return tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a, button"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || dialog.open || typing(event.target)) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      open();
    }
  });

  dialog.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      // A search field would only clear itself on the first Escape; the dialog closes at once.
      event.preventDefault();
      dialog.close();
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1].focus();
    }
  });

  dialog.querySelector("form").addEventListener("submit", function (event) {
    var closing = event.submitter && event.submitter.value === "close";
    if (closing) return;
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) location.href = first.href;
  });

  // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });

  opener.addEventListener("click", open);
  opener.addEventListener("pointerenter", load, { once: true });
  opener.addEventListener("focus", load, { once: true });
  input.addEventListener("input", schedule);
  selects.forEach(function (select) {
    select.addEventListener("change", search);
  });

  // Arriving from a result: highlight the searched words on this page, then show the first.
  if (new URLSearchParams(location.search).has("highlight")) {
    import(bundle + "pagefind-highlight.js")
      .then(function (module) {
        new module.default({ highlightParam: "highlight", addStyles: false });
        var first = document.querySelector("mark.pagefind-highlight");
        if (first) first.scrollIntoView({ block: "center" });
      })
      .catch(function () {});
  }
})();
