import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/grid/vaadin-grid-sort-column.js';

/** The effective configuration of every Claude client and what each talks to; the key is never shown. */
export class QwcClaudeConfig extends LitElement {
    jsonRpc = new JsonRpc(this);

    // Long cells wrap and columns share the width, so that every column fits the card from 1280 px up.
    static styles = css`
        .grid { height: 100%; }
    `;

    static properties = {
        _clients: { state: true }
    };

    connectedCallback() {
        super.connectedCallback();
        this.jsonRpc.getConfig().then(response => this._clients = response.result);
    }

    render() {
        if (!this._clients) {
            return html`<span>Loading…</span>`;
        }
        return html`
            <vaadin-grid .items="${this._clients}" class="grid" theme="row-stripes wrap-cell-content" all-rows-visible>
                <vaadin-grid-sort-column header="Client" path="client" width="7em"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Model" path="model" width="10em"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Max tokens" path="maxTokens" width="6.5em" flex-grow="0"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="anthropic-version" path="anthropicVersion" width="8em" flex-grow="0"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Base URL" path="baseUrl" width="12em"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Talks to" path="endpoint" width="14em"></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="API key" path="apiKey" width="8em" flex-grow="0"></vaadin-grid-sort-column>
            </vaadin-grid>`;
    }
}
customElements.define('qwc-claude-config', QwcClaudeConfig);
