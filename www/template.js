// The explorer's markup, inside its shadow root: static, with no data in
// it (every text from a file is set later with textContent). Each panel
// names itself (`data-panel`, chosen by the element's `panels` attribute)
// and is a CSS part (`::part(panel treemap)`), so that a city page can
// style it without touching this code.
/** One of the three bar charts' panels: its title, export buttons and chart. */
function barPanel(name, title) {
  return `      <section class="panel" data-panel="${name}" part="panel ${name}" aria-labelledby="${name}-title">
        <div class="figure-head">
          <h2 id="${name}-title" data-i18n="${title}"></h2>
          <div class="controls">
            <button type="button" class="button small" data-export="svg" data-chart="${name}-svg" data-i18n="exportSvg"></button>
            <button type="button" class="button small" data-export="png" data-chart="${name}-svg" data-i18n="exportPng"></button>
          </div>
        </div>
        <div id="${name}" class="chart"></div>
      </section>`;
}

const MARKUP = `
<div class="explorer" part="explorer">
  <nav id="skips" class="skips" data-i18n-aria-label="skipsLabel" aria-label="바로 가기">
    <button type="button" class="skip" data-skip="headline" data-i18n="headline">한눈에 보기</button>
    <button type="button" class="skip" data-skip="charts" data-i18n="skipCharts">그림으로</button>
    <button type="button" class="skip" data-skip="table" data-i18n="skipTable">표로</button>
  </nav>
  <section class="panel input" data-panel="input" part="panel input" aria-labelledby="input-title">
    <h2 id="input-title" data-i18n="input"></h2>
    <div id="drop" class="drop">
      <p><span data-i18n="drop"></span>
        <label class="button primary" for="file"><span data-i18n="choose"></span></label>
        <input type="file" id="file" multiple accept=".csv,.tsv,.txt,.htm,.html,.xlsx,.xlsb,.xls,.ods,.json,.zip,text/csv,text/tab-separated-values,text/plain,application/json" class="visually-hidden">
      </p>
      <p class="hint" data-i18n="encodings"></p>
    </div>
    <label for="paste" class="paste-label" data-i18n="pasteLabel"></label>
    <textarea id="paste" rows="4" data-i18n-placeholder="pastePlaceholder" spellcheck="false"></textarea>
    <div class="actions">
      <button type="button" id="analyze-paste" class="button" data-i18n="analyzePaste"></button>
      <button type="button" id="show-sample" class="button" data-i18n="sample"></button>
    </div>
  </section>

  <div class="status">
    <div id="progress" class="progress" hidden>
      <progress id="progress-bar" max="100"></progress>
      <span id="progress-text" role="status"></span>
      <button type="button" id="cancel" class="button" data-i18n="cancel"></button>
    </div>
    <div id="error" class="error" role="alert" hidden>
      <strong data-i18n="errorTitle"></strong>
      <p id="error-text"></p>
    </div>
  </div>

  <div id="results" class="results" part="results" hidden>
    <p id="print-meta" class="print-only"></p>
    <p id="source" class="source"></p>
    <div class="share">
      <button type="button" id="copy-link" class="button small" data-i18n="copyLink"></button>
      <label class="visually-hidden" for="link-text" data-i18n="linkLabel"></label>
      <input id="link-text" class="link-text" readonly hidden>
      <span id="link-status" role="status"></span>
    </div>
    <p id="sheet-choice" class="controls" hidden>
      <label><span data-i18n="sheet"></span> <select id="sheet"></select></label>
    </p>

    <section class="panel" data-panel="headline" part="panel headline" aria-labelledby="headline-title">
      <h2 id="headline-title" data-i18n="headline"></h2>
      <dl id="headline" class="headline"></dl>
    </section>

    <section class="panel" data-panel="answers" part="panel answers" aria-labelledby="answers-title">
      <h2 id="answers-title" data-i18n="answersTitle"></h2>
      <ul id="answers" class="answers"></ul>
      <div class="find">
        <label for="find" data-i18n="find"></label>
        <input type="search" id="find" autocomplete="off" spellcheck="false" data-i18n-placeholder="findPlaceholder" aria-describedby="find-hint" aria-controls="find-results">
        <p id="find-hint" class="hint" data-i18n="findHint"></p>
        <ul id="find-results" class="find-results" aria-live="polite"></ul>
      </div>
    </section>

    <section class="panel" id="audit-panel" data-panel="audit" part="panel audit" aria-labelledby="audit-title">
      <h2 id="audit-title" data-i18n="audit"></h2>
      <p id="audit-summary"></p>
      <ul id="conventions" class="hint"></ul>
      <ol id="findings" class="findings"></ol>
      <details id="structure-box">
        <summary data-i18n="structure"></summary>
        <p class="hint" data-i18n="structureHint"></p>
        <div class="scroll"><table id="structure" class="data"></table></div>
      </details>
    </section>

    <section class="panel no-print" data-panel="columns" part="panel columns" aria-labelledby="columns-title">
      <h2 id="columns-title" data-i18n="columns"></h2>
      <p class="hint" data-i18n="columnsHint"></p>
      <div class="scroll"><table id="columns" class="columns"></table></div>
      <div class="controls">
        <label><span data-i18n="measure"></span> <select id="measure"></select></label>
        <label><span data-i18n="displayUnit"></span> <select id="display-unit"></select></label>
        <label><span data-i18n="population"></span> <input id="population" class="count" inputmode="numeric" autocomplete="off" data-i18n-placeholder="populationPlaceholder"></label>
        <label><span data-i18n="households"></span> <input id="households" class="count" inputmode="numeric" autocomplete="off"></label>
      </div>
    </section>

    <section class="panel" data-panel="treemap" part="panel treemap" aria-labelledby="treemap-title">
      <div class="figure-head">
        <h2 id="treemap-title" data-i18n="treemap" tabindex="-1"></h2>
        <div class="controls">
          <label><span data-i18n="colorBy"></span> <select id="color-mode"></select></label>
          <button type="button" class="button small" data-export="svg" data-chart="treemap-svg" data-i18n="exportSvg"></button>
          <button type="button" class="button small" data-export="png" data-chart="treemap-svg" data-i18n="exportPng"></button>
        </div>
      </div>
      <nav id="breadcrumb" class="breadcrumb" aria-label="breadcrumb"></nav>
      <p class="hint" data-i18n="treemapHint"></p>
      <div id="treemap" class="chart"></div>
      <div id="legend" class="legend"></div>
    </section>

    <div class="grid">
${barPanel("shares", "shares")}
${barPanel("growth", "growthChart")}
${barPanel("execution", "executionChart")}
    </div>

    <section class="panel" id="changes-panel" data-panel="changes" part="panel changes" aria-labelledby="changes-title">
      <h2 id="changes-title" data-i18n="changes"></h2>
      <div id="changes" class="changes"></div>
    </section>

    <section class="panel" data-panel="table" part="panel table" aria-labelledby="table-title">
      <div class="figure-head">
        <h2 id="table-title" data-i18n="table"></h2>
        <div class="controls">
          <button type="button" id="expand-all" class="button small" data-i18n="expandAll"></button>
          <button type="button" id="collapse-all" class="button small" data-i18n="collapseAll"></button>
          <button type="button" id="export-csv" class="button small" data-i18n="exportCsv"></button>
          <button type="button" id="export-json" class="button small" data-i18n="exportJson"></button>
        </div>
      </div>
      <div class="scroll"><table id="table" class="data" tabindex="-1"></table></div>
    </section>

    <section class="panel" data-panel="warnings" part="panel warnings" aria-labelledby="warnings-title">
      <h2 id="warnings-title" data-i18n="warnings"></h2>
      <ul id="warnings" class="warnings"></ul>
    </section>
  </div>
</div>`;

let parsed = null;

/** A fresh copy of the explorer's markup. */
export function explorerMarkup() {
  if (!parsed) {
    parsed = document.createElement("template");
    parsed.innerHTML = MARKUP;
  }
  return parsed.content.cloneNode(true);
}
