import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/grid';
import '@vaadin/grid/vaadin-grid-sort-column.js';

/** The effective configuration of every Claude client; the key is never shown. */
export class QwcClaudeConfig extends LitElement {
    jsonRpc = new JsonRpc(this);

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
            <vaadin-grid .items="${this._clients}" class="grid" theme="row-stripes" all-rows-visible>
                <vaadin-grid-sort-column header="Client" path="client" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Model" path="model" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Max tokens" path="maxTokens" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="anthropic-version" path="anthropicVersion" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Base URL" path="baseUrl" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="Talks to" path="endpoint" auto-width></vaadin-grid-sort-column>
                <vaadin-grid-sort-column header="API key" path="apiKey" auto-width></vaadin-grid-sort-column>
            </vaadin-grid>`;
    }
}
customElements.define('qwc-claude-config', QwcClaudeConfig);
