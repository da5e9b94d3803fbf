import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/grid/vaadin-grid-sort-column.js';

/** The latest calls of every client, live: outcome, attempts, waits, request id, tokens and estimated cost. */
export class QwcClaudeCalls extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        .grid { height: 100%; }
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
        return { ...row, cost: row.costUsd == null ? '–' : '$' + row.costUsd.toFixed(6) };
    }

    render() {
        return html`
            <vaadin-grid .items="${this._calls}" class="grid" theme="row-stripes">
                <vaadin-grid-sort-column header="Time" path="time" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Client" path="client" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Operation" path="operation" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Model" path="model" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Outcome" path="outcome" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Status" path="status" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Attempts" path="attempts" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Waited (ms)" path="waitedMillis" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Request id" path="requestId" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Tokens in" path="inputTokens" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Tokens out" path="outputTokens" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Est. cost" path="cost" auto-width></vaadin-grid-sort-column>
            </vaadin-grid>`;
    }
}
customElements.define('qwc-claude-calls', QwcClaudeCalls);
