import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';
import '@vaadin/text-area';
import '@vaadin/select';
import '@vaadin/button';

/** Sends one prompt through a client and shows the answer, or the typed error. */
export class QwcClaudePrompt extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        .form { display: flex; flex-direction: column; gap: 10px; padding: 10px; max-width: 900px; }
        .answer { white-space: pre-wrap; padding: 10px; border-left: 3px solid var(--lumo-primary-color); }
        .error { white-space: pre-wrap; padding: 10px; border-left: 3px solid var(--lumo-error-color); }
        .meta { color: var(--lumo-secondary-text-color); font-size: small; }
    `;

    static properties = {
        _client: { state: true },
        _clients: { state: true },
        _prompt: { state: true },
        _result: { state: true },
        _busy: { state: true }
    };

    constructor() {
        super();
        this._client = '<default>';
        this._clients = [];
        this._prompt = 'Say hello to the Quarkus community in one sentence.';
    }

    connectedCallback() {
        super.connectedCallback();
        // only configured clients can be picked: any other name would be a client with no configuration at all
        this.jsonRpc.getClients().then(response => {
            this._clients = response.result.map(name => ({ label: name, value: name }));
            if (!response.result.includes(this._client) && response.result.length > 0) {
                this._client = response.result[0];
            }
        });
    }

    render() {
        return html`
            <div class="form">
                <vaadin-select label="Client" .items="${this._clients}" .value="${this._client}"
                    @value-changed="${e => this._client = e.detail.value}"></vaadin-select>
                <vaadin-text-area label="Prompt" .value="${this._prompt}"
                    @value-changed="${e => this._prompt = e.detail.value}"></vaadin-text-area>
                <vaadin-button theme="primary" ?disabled="${this._busy}" @click="${this._send}">Send</vaadin-button>
                ${this._renderResult()}
            </div>`;
    }

    _renderResult() {
        if (!this._result) {
            return html``;
        }
        if (this._result.error) {
            return html`<div class="error"><b>${this._result.error}</b>\n${this._result.message}</div>`;
        }
        return html`
            <div class="answer">${this._result.text}</div>
            <div class="meta">model ${this._result.model} · stop ${this._result.stopReason}
                · tokens in/out ${this._result.inputTokens}/${this._result.outputTokens}</div>`;
    }

    _send() {
        this._busy = true;
        this.jsonRpc.ask({ client: this._client, prompt: this._prompt }).then(response => {
            this._result = response.result;
            this._busy = false;
        });
    }
}
customElements.define('qwc-claude-prompt', QwcClaudePrompt);
