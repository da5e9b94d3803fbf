import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/grid/vaadin-grid-sort-column.js';
import { columnBodyRenderer } from '@vaadin/grid/lit.js';

/** The latest calls of every client, live: outcome, attempts, waits, request id, tokens and estimated cost. */
export class QwcClaudeCalls extends LitElement {
    jsonRpc = new JsonRpc(this);

    // Ids wrap anywhere and columns share the width, so that the table fits the card from 1280 px up.
    static styles = css`
        .grid { height: 100%; }
        .id { font-family: var(--lumo-font-family-monospace, monospace); font-size: var(--lumo-font-size-xs);
              word-break: break-all; white-space: normal; }
    `;

    static properties = {
        _calls: { state: true }
    };

    constructor() {
        super();
        this._calls = [];
    }

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.getRecentCalls().then(response => this._calls = response.result.map(QwcClaudeCalls._display));
        this._live = this.jsonRpc.streamCalls().onNext(response => {
            this._calls = [QwcClaudeCalls._display(response.result), ...this._calls].slice(0, 100);
        });
    }

    disconnectedCallback() {
        if (this._live) {
            this._live.cancel();
        }
        super.disconnectedCallback();
    }

    static _display(row) {
        return {
            ...row,
            result: row.outcome + (row.status > 0 ? ' (' + row.status + ')' : ''),
            tokens: row.inputTokens + ' / ' + row.outputTokens,
            cost: row.costUsd == null ? '–' : '$' + row.costUsd.toFixed(6)
        };
    }

    _id(path) {
        return columnBodyRenderer(row => html`<span class="id">${row[path] || '–'}</span>`, []);
    }

    render() {
        return html`
            <vaadin-grid .items="${this._calls}" class="grid" theme="row-stripes wrap-cell-content compact">
                <vaadin-grid-sort-column header="Time" path="time" width="7.5em" flex-grow="0"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Client" path="client" width="5em"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Operation" path="operation" width="9em"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Model" path="model" width="7em"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Outcome (status)" path="result" width="7.5em"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Attempts" path="attempts" width="7em" flex-grow="0"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Waited (ms)" path="waitedMillis" width="5.5em" flex-grow="0"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Request id" path="requestId" width="8.5em" ${this._id('requestId')}></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Message id" path="messageId" width="7em" ${this._id('messageId')}></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Tokens in / out" path="tokens" width="6.5em" flex-grow="0"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Est. cost" path="cost" width="6em" flex-grow="0"></vaadin-grid-sort-column>
            </vaadin-grid>`;
    }
}
customElements.define('qwc-claude-calls', QwcClaudeCalls);
