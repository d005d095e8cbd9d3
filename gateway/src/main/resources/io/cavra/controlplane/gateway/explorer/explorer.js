/*
 * Contract explorer: a single page over the gateway's own JSON endpoints.
 *
 * Rules this file keeps:
 *  - Every piece of server or user text reaches the DOM through textContent or a text node;
 *    nothing is ever assigned to innerHTML, and no server value becomes a URL or an attribute
 *    that the browser would interpret.
 *  - The API key lives in one variable in memory; it is never written to storage.
 *  - No external resource: everything comes from this gateway.
 */
(function () {
  'use strict';

  var REQUEST_SCHEMA = 'request';
  var RESPONSE_SCHEMA = 'response';
  var UNAVAILABLE_SCHEMA = 'response-payload-unavailable';
  var COMMON_PARAMETERS = ['tenant_id', 'requested_by', 'correlation_id'];
  var EXAMPLE_CORRELATION_ID = 'saas-0123456789ab';

  // Example values for parameters that have no default, so the form and the examples work at once.
  var EXAMPLE_VALUES = {
    tenant_id: 'tenant-demo',
    organization_name: 'Demo Organization',
    policy_refs: ['starter-policy-1'],
    evidence_refs: ['evidence-bundle-1'],
    report: {
      status: 'valid',
      edition: 'community',
      license_id: 'community',
      valid: true,
      message: 'CAVRA Community is valid and does not require a license key for local or self-hosted use.',
      private_validation_required: false,
      enabled_features: [],
      locked_features: []
    }
  };

  // Builder parameters whose payload key has another name.
  var PAYLOAD_KEY_OF = { capabilities: 'requested_capabilities', report: 'local_validation_report' };

  var KIND_LABELS = {
    TEXT: 'text',
    TEXT_LIST: 'list of text',
    JSON_MAP: 'key = value map (text values here; the contract takes any JSON value)',
    LICENSE_REPORT: 'license report (JSON object)'
  };

  var state = {
    apiKey: '',
    operations: [],
    byName: new Map(),
    schemaNames: null,
    schemaCache: new Map(),
    fields: [],
    built: null,
    currentOperation: null,
    problemTypes: new Map(),
    history: []
  };

  var HISTORY_SIZE = 10;
  // Names that may become part of a link: operation and schema names, problem codes.
  var SAFE_NAME = /^[a-z][a-z0-9_-]*$/;

  // ---------------------------------------------------------------------------------------------
  // DOM helpers (text only)

  function h(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key === 'class') {
          node.className = value;
        } else if (key === 'text') {
          node.textContent = value;
        } else if (key === 'dataset') {
          Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
        } else if (key.indexOf('on') === 0 && typeof value === 'function') {
          node.addEventListener(key.slice(2), value);
        } else if (value === true) {
          node.setAttribute(key, '');
        } else {
          node.setAttribute(key, String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      appendChildren(node, arguments[i]);
    }
    return node;
  }

  function appendChildren(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { appendChildren(node, c); });
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function code(text) {
    return h('code', null, text);
  }

  function pretty(value) {
    return JSON.stringify(value, null, 2);
  }

  // Compact JSON for table cells, with spaces after separators so that long lists can wrap.
  function inlineJson(value) {
    if (Array.isArray(value)) {
      return '[' + value.map(inlineJson).join(', ') + ']';
    }
    if (isObject(value)) {
      return '{' + Object.keys(value).map(function (k) {
        return JSON.stringify(k) + ': ' + inlineJson(value[k]);
      }).join(', ') + '}';
    }
    return JSON.stringify(value);
  }

  function showJson(pre, value) {
    pre.textContent = typeof value === 'string' ? value : pretty(value);
    pre.hidden = false;
  }

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  function api(method, path, body) {
    var headers = { Accept: 'application/json, application/problem+json' };
    var init = { method: method, headers: headers, cache: 'no-store', credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    if (state.apiKey) {
      headers.Authorization = 'Bearer ' + state.apiKey;
    }
    var started = performance.now();
    return fetch(path, init).then(function (response) {
      var type = response.headers.get('Content-Type') || '';
      return response.text().then(function (text) {
        var data = null;
        try {
          data = text ? JSON.parse(text) : null;
        } catch (ignored) {
          data = null;
        }
        var answerHeaders = [];
        response.headers.forEach(function (value, name) { answerHeaders.push([name, value]); });
        var result = {
          ok: response.ok, status: response.status, data: data, problem: null,
          elapsed: performance.now() - started, headers: answerHeaders
        };
        if (!response.ok || type.indexOf('application/problem+json') >= 0) {
          result.ok = false;
          result.problem = normalizeProblem(data, response.status, response.headers.get('Retry-After'));
        }
        return result;
      });
    }, function () {
      return {
        ok: false,
        status: 0,
        data: null,
        problem: {
          title: 'The gateway could not be reached',
          detail: 'Check that the gateway is running, then reload this page.'
        }
      };
    });
  }

  function normalizeProblem(data, status, retryAfter) {
    var problem = isObject(data) ? data : {};
    var out = {};
    ['title', 'status', 'code', 'path', 'detail', 'correlation_id', 'rule_id', 'type'].forEach(function (key) {
      if (problem[key] !== undefined && problem[key] !== null) {
        out[key] = problem[key];
      }
    });
    if (out.status === undefined) {
      out.status = status;
    }
    if (!out.title) {
      out.title = 'HTTP ' + status;
    }
    if (retryAfter) {
      out.retry_after = retryAfter + ' s';
    }
    return out;
  }

  function normalizeKind(entry) {
    entry.kind = String(entry.kind || '').toUpperCase();
    return entry;
  }

  function schema(name) {
    if (state.schemaNames && !state.schemaNames.has(name)) {
      return Promise.resolve(null);
    }
    if (!state.schemaCache.has(name)) {
      state.schemaCache.set(name, api('GET', '/v1/schemas/' + encodeURIComponent(name)).then(function (r) {
        return r.ok && isObject(r.data) ? r.data : null;
      }));
    }
    return state.schemaCache.get(name);
  }

  // ---------------------------------------------------------------------------------------------
  // Problems

  var PROBLEM_HINTS = {
    401: 'This gateway needs an API key: enter it in the API key field (under Build and send) and try again.',
    403: 'The API key is not allowed this tenant or operation.',
    413: 'The body is larger than the gateway accepts.',
    429: 'Too many requests for this key: wait a moment and try again.',
    503: 'The gateway is busy: wait a moment and try again.'
  };

  // The line above a problem: what kind of refusal it is, by its status, and for 400 by who refused.
  function refusalHeading(problem, refusedBy) {
    switch (problem.status) {
      case 401:
        return 'The gateway needs an API key for this request.';
      case 403:
        return 'This API key may not make this request.';
      case 413:
      case 415:
      case 431:
        return 'The gateway refused the request as sent.';
      case 429:
        return 'Too many requests for this key.';
      case 0:
        return 'The gateway could not be reached.';
      default:
        if (problem.status >= 500) {
          return 'The gateway could not answer.';
        }
        return refusedBy;
    }
  }

  function problemView(problem) {
    var rows = [];
    ['code', 'path', 'rule_id', 'detail', 'correlation_id', 'retry_after', 'type'].forEach(function (key) {
      if (problem[key] === undefined || problem[key] === '') {
        return;
      }
      var value = String(problem[key]);
      var shown = key === 'detail' ? value : code(value);
      if (key === 'type' && typeof problem.code === 'string' && state.problemTypes.has(problem.code)) {
        // The link is built from a known code only, never from the server's text.
        shown = h('a', { href: '#problem-' + problem.code, class: 'problem-type-link',
          title: 'What ' + problem.code + ' means' }, code(value));
      }
      rows.push(h('div', { dataset: { key: key } },
        h('dt', null, key),
        h('dd', null, shown)));
    });
    var hint = PROBLEM_HINTS[problem.status];
    return h('div', { class: 'problem' },
      h('p', { class: 'problem-title' },
        h('span', { class: 'badge badge-problem' }, problem.status ? 'HTTP ' + problem.status : 'Error'),
        ' ', String(problem.title || 'Problem')),
      rows.length ? h('dl', { class: 'problem-fields' }, rows) : null,
      hint ? h('p', { class: 'help' }, hint) : null);
  }

  // The status, how long the answer took and its headers.
  function answerMeta(r) {
    var list = h('dl', { class: 'header-list' });
    (r.headers || []).forEach(function (pair) {
      list.appendChild(h('div', null, h('dt', null, pair[0]), h('dd', null, code(pair[1]))));
    });
    return h('div', { class: 'answer-meta' },
      h('p', { class: 'timing' },
        h('span', { class: 'answer-status' }, r.status ? 'HTTP ' + r.status : 'no answer'),
        ' · ', h('span', { class: 'answer-time' }, Math.round(r.elapsed || 0) + ' ms')),
      r.headers && r.headers.length ? h('details', { class: 'answer-headers' },
        h('summary', null, 'Response headers (' + r.headers.length + ')'), list) : null);
  }

  // ---------------------------------------------------------------------------------------------
  // Schemas to words and examples

  function describeType(prop) {
    if (prop === true) {
      return 'any value';
    }
    if (!isObject(prop)) {
      return '';
    }
    if (prop.const !== undefined) {
      return 'fixed';
    }
    if (Array.isArray(prop.enum)) {
      return 'one of: ' + prop.enum.join(', ');
    }
    if (typeof prop.$ref === 'string') {
      if (prop.$ref.indexOf('identifier') >= 0) {
        return 'identifier';
      }
      if (prop.$ref.indexOf('correlation_id') >= 0) {
        return 'correlation id';
      }
      if (prop.$ref.indexOf('summary-') === 0) {
        return 'summary object';
      }
      if (prop.$ref.indexOf('license-validation-report') === 0) {
        return 'license report object';
      }
      return 'object';
    }
    var types = Array.isArray(prop.type) ? prop.type : (prop.type ? [prop.type] : []);
    var words = types.map(function (t) {
      if (t === 'array') {
        var items = prop.items && prop.items.type ? prop.items.type : 'value';
        return 'list of ' + items;
      }
      if (t === 'object' && isObject(prop.additionalProperties) && prop.additionalProperties.type) {
        return 'map of ' + prop.additionalProperties.type;
      }
      if (t === 'object' && prop.additionalProperties === true) {
        return 'map of any JSON value';
      }
      if (t === 'integer' && prop.minimum === 0) {
        return 'whole number ≥ 0';
      }
      return t;
    });
    return words.join(' or ') || 'value';
  }

  function valueNote(prop) {
    if (!isObject(prop)) {
      return null;
    }
    if (prop.const !== undefined) {
      return h('span', { class: 'fixed-value' }, code(inlineJson(prop.const)));
    }
    if (prop.default !== undefined) {
      return h('span', { class: 'default-value' }, 'default ', code(inlineJson(prop.default)));
    }
    return null;
  }

  function schemaTable(schemaDoc, caption) {
    var props = isObject(schemaDoc) && isObject(schemaDoc.properties) ? schemaDoc.properties : {};
    var required = new Set(Array.isArray(schemaDoc && schemaDoc.required) ? schemaDoc.required : []);
    var body = h('tbody');
    Object.keys(props).forEach(function (key) {
      var prop = props[key];
      if (prop === false) {
        return; // reserved: never appears
      }
      body.appendChild(h('tr', null,
        h('th', { scope: 'row' }, code(key), required.has(key) ? null : h('span', { class: 'muted' }, ' optional')),
        h('td', null, describeType(prop), valueNote(prop) ? [h('br'), valueNote(prop)] : null),
        h('td', null, isObject(prop) && prop.description ? String(prop.description) : '')));
    });
    return h('div', { class: 'table-scroll' },
      h('table', { class: 'shape' },
        h('caption', null, caption),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'key'), h('th', { scope: 'col' }, 'value'), h('th', { scope: 'col' }, 'meaning'))),
        body));
  }

  function exampleFrom(schemaDoc, overrides, nested) {
    var out = {};
    var props = isObject(schemaDoc) && isObject(schemaDoc.properties) ? schemaDoc.properties : {};
    Object.keys(props).forEach(function (key) {
      var prop = props[key];
      if (prop === false) {
        return;
      }
      if (overrides && Object.prototype.hasOwnProperty.call(overrides, key)) {
        out[key] = overrides[key];
      } else if (!isObject(prop)) {
        out[key] = null;
      } else if (prop.const !== undefined) {
        out[key] = prop.const;
      } else if (Array.isArray(prop.examples) && prop.examples.length) {
        out[key] = prop.examples[0];
      } else if (prop.default !== undefined) {
        out[key] = prop.default;
      } else if (Array.isArray(prop.enum) && prop.enum.length) {
        out[key] = prop.enum[0];
      } else if (typeof prop.$ref === 'string' && nested && nested[key] !== undefined) {
        out[key] = nested[key];
      } else if (key === 'tenant_id') {
        out[key] = EXAMPLE_VALUES.tenant_id;
      } else if (EXAMPLE_VALUES[key] !== undefined) {
        out[key] = EXAMPLE_VALUES[key];
      } else if (prop.type === 'array') {
        out[key] = ['example-1'];
      } else if (prop.type === 'boolean') {
        out[key] = true;
      } else if (prop.type === 'integer') {
        out[key] = 0;
      } else if (prop.type === 'object') {
        out[key] = {};
      } else {
        out[key] = 'example';
      }
    });
    return out;
  }

  function examplePayloadOverrides(operation) {
    var overrides = {};
    operation.parameters.forEach(function (p) {
      if (COMMON_PARAMETERS.indexOf(p.name) >= 0 || p.default !== null) {
        return;
      }
      var value = EXAMPLE_VALUES[p.name];
      if (value !== undefined) {
        overrides[PAYLOAD_KEY_OF[p.name] || p.name] = value;
      }
    });
    return overrides;
  }

  function boundaryOf(requestPayloadSchema) {
    var props = requestPayloadSchema && requestPayloadSchema.properties;
    if (!isObject(props)) {
      return null;
    }
    var keys = Object.keys(props);
    for (var i = 0; i < keys.length; i++) {
      if (/_boundary$/.test(keys[i]) && isObject(props[keys[i]]) && typeof props[keys[i]].const === 'string') {
        return props[keys[i]].const;
      }
    }
    return null;
  }

  function privateModulesOf(responsePayloadSchema) {
    var prop = responsePayloadSchema && responsePayloadSchema.properties &&
      responsePayloadSchema.properties.private_modules_required;
    if (isObject(prop) && Array.isArray(prop.examples) && Array.isArray(prop.examples[0])) {
      return prop.examples[0];
    }
    return null;
  }

  function communityPayloadSchemaName(operation) {
    var own = 'response-payload-' + operation.name;
    // tenant_onboarding has its own "requires private service" payload; every other operation
    // without a private service gets the generic one.
    if (!operation.has_summary && state.schemaNames && state.schemaNames.has(own)) {
      return own;
    }
    return UNAVAILABLE_SCHEMA;
  }

  // ---------------------------------------------------------------------------------------------
  // Header, boundary and operation list

  function renderContractMeta(contract, operations) {
    var meta = clear(byId('contract-meta'));
    var provisional = operations.filter(function (o) { return o.provisional; }).length;
    var summaries = operations.filter(function (o) { return o.has_summary; }).length;
    var implemented = operations.filter(function (o) { return o.implemented_by_adapter === true; }).length;
    appendChildren(meta, [
      contract && contract.schema_version ? code(String(contract.schema_version)) : null,
      contract && contract.schema_version ? ' · ' : null,
      operations.length + ' operations · ' + summaries + ' with a typed summary · ' +
        provisional + ' provisional',
      implemented ? ' · ' + implemented + ' served by this gateway\u2019s private adapter' : ''
    ]);
  }

  function renderBoundary(contract) {
    var facts = clear(byId('boundary-facts'));
    var boundary = contract && isObject(contract.public_repository_boundary) ? contract.public_repository_boundary : null;
    if (!boundary) {
      facts.appendChild(h('div', null, h('dt', null, 'Status'), h('dd', null, 'Not available')));
      return;
    }
    var labels = {
      contains_saas_backend: 'A SaaS backend',
      contains_license_service: 'A license service',
      contains_customer_records: 'Customer records'
    };
    Object.keys(boundary).forEach(function (key) {
      var value = boundary[key];
      if (typeof value === 'boolean') {
        facts.appendChild(h('div', { class: 'fact' },
          h('dt', null, labels[key] || key.replace(/_/g, ' ')),
          h('dd', { class: value ? 'fact-yes' : 'fact-no' }, value ? 'included' : 'not included')));
      }
    });
    if (typeof boundary.purpose === 'string') {
      facts.appendChild(h('div', { class: 'fact fact-wide' }, h('dt', null, 'Purpose'), h('dd', null, boundary.purpose)));
    }
  }

  function renderOperations(operations) {
    var list = clear(byId('operation-list'));
    operations.forEach(function (operation) {
      list.appendChild(operationCard(operation));
    });
    list.setAttribute('aria-busy', 'false');
  }

  function operationCard(operation) {
    var name = operation.name;
    var badges = h('ul', { class: 'badges', 'aria-label': 'Properties' });
    if (operation.answer_without_private_service === 'requires_private_service') {
      badges.appendChild(h('li', { class: 'badge badge-private' }, 'Needs a private service'));
    }
    if (operation.has_summary) {
      badges.appendChild(h('li', { class: 'badge badge-summary' }, 'Typed summary'));
    }
    if (operation.provisional) {
      badges.appendChild(h('li', { class: 'badge badge-provisional' }, 'Provisional'));
    }
    if (operation.implemented_by_adapter === true) {
      badges.appendChild(h('li', { class: 'badge badge-implemented' }, 'Served by this gateway\u2019s adapter'));
    }
    var answerHere = operation.implemented_by_adapter === true
      ? ['answered by the private adapter this gateway runs']
      : [code(String(operation.answer_without_private_service || 'unknown')), ' without a private service'];
    var why = h('dd', { class: 'why', dataset: { role: 'why' } }, h('span', { class: 'muted' }, 'Loading…'));
    var details = h('details', { class: 'op-details' },
      h('summary', null, 'Request and response shapes, examples'),
      h('div', { class: 'op-details-body', dataset: { role: 'details' } }, h('p', { class: 'muted' }, 'Loading…')));
    details.addEventListener('toggle', function () {
      if (details.open && !details.dataset.loaded) {
        details.dataset.loaded = 'true';
        renderOperationDetails(operation, details.querySelector('[data-role="details"]'));
      }
    });
    var headingId = 'op-title-' + name;
    return h('li', { class: 'operation', id: 'op-' + name, dataset: { operation: name } },
      h('article', { 'aria-labelledby': headingId },
        h('div', { class: 'op-head' },
          h('h3', { id: headingId, class: 'op-name' }, code(name)),
          badges),
        h('dl', { class: 'op-facts' },
          h('div', null, h('dt', null, 'Asks for'), h('dd', null, String(operation.request || ''))),
          h('div', null, h('dt', null, 'Answers with'), h('dd', null, String(operation.response || ''))),
          h('div', null, h('dt', null, 'Answer here'), h('dd', { dataset: { role: 'answer-here' } }, answerHere)),
          h('div', null, h('dt', null, 'Why private'), why)),
        operation.provisional ? h('p', { class: 'provisional-note' },
          'Provisional: the reference never published this operation\u2019s source. Its shape is ' +
          'implemented from the documentation, and every guess is recorded in the README.') : null,
        schemaLinks(operation),
        h('div', { class: 'op-foot' },
          h('button', {
            type: 'button', class: 'button-quiet try-button', dataset: { tryOperation: name },
            'aria-label': 'Try ' + name + ' in the request form',
            onclick: function () { tryOperation(name); }
          }, 'Try it'),
          details)));
  }

  // Links to the operation's raw JSON Schemas, as files (/v1/schemas/<name>.schema.json) whose
  // references resolve from this gateway.
  function schemaLinks(operation) {
    var wanted = [
      ['request-payload-' + operation.name, 'request payload'],
      ['response-payload-' + operation.name, 'response payload'],
      ['summary-' + operation.name, 'summary']
    ].filter(function (pair) {
      return SAFE_NAME.test(pair[0]) && (!state.schemaNames || state.schemaNames.has(pair[0]));
    });
    if (!wanted.length) {
      return null;
    }
    return h('p', { class: 'schema-links' }, 'JSON Schema: ', wanted.map(function (pair, i) {
      return [i ? ' · ' : '', h('a', {
        href: '/v1/schemas/' + pair[0] + '.schema.json', dataset: { schema: pair[0] }, type: 'application/schema+json'
      }, pair[1])];
    }));
  }

  function fillWhy(operation) {
    var card = byId('op-' + operation.name);
    var why = card && card.querySelector('[data-role="why"]');
    if (!why) {
      return;
    }
    Promise.all([
      schema('request-payload-' + operation.name),
      operation.has_summary || operation.name === 'tenant_onboarding'
        ? schema('response-payload-' + operation.name) : Promise.resolve(null)
    ]).then(function (schemas) {
      clear(why);
      var boundary = boundaryOf(schemas[0]);
      var modules = privateModulesOf(schemas[1]);
      if (boundary) {
        why.appendChild(h('q', { class: 'boundary-text' }, boundary));
      }
      if (modules && modules.length) {
        why.appendChild(h('span', { class: 'modules-label' }, 'Private modules: '));
        why.appendChild(h('ul', { class: 'modules' }, modules.map(function (m) { return h('li', null, String(m)); })));
      }
      if (!boundary && !modules) {
        why.appendChild(document.createTextNode('The public contract defines the shape only.'));
      }
    });
  }

  function renderOperationDetails(operation, container) {
    var wanted = [
      schema('request-payload-' + operation.name),
      schema(communityPayloadSchemaName(operation)),
      operation.has_summary ? schema('response-payload-' + operation.name) : Promise.resolve(null),
      operation.has_summary ? schema('summary-' + operation.name) : Promise.resolve(null),
      schema(REQUEST_SCHEMA),
      schema(RESPONSE_SCHEMA)
    ];
    Promise.all(wanted).then(function (s) {
      var requestPayload = s[0], communityPayload = s[1], summaryPayload = s[2], summary = s[3];
      var requestEnvelope = s[4], responseEnvelope = s[5];
      clear(container);

      container.appendChild(h('h4', null, 'Builder parameters'));
      container.appendChild(parameterTable(operation));

      container.appendChild(h('h4', null, 'Request payload'));
      if (requestPayload) {
        container.appendChild(schemaTable(requestPayload, 'Keys of the ' + operation.name + ' request payload, in wire order'));
        var payload = exampleFrom(requestPayload, examplePayloadOverrides(operation));
        container.appendChild(exampleBlock('Example request envelope',
          envelopeExample(requestEnvelope, {
            operation: operation.name,
            tenant_id: EXAMPLE_VALUES.tenant_id,
            requested_by: 'community',
            correlation_id: EXAMPLE_CORRELATION_ID,
            private_implementation_required: true,
            payload: payload
          })));
      } else {
        container.appendChild(h('p', { class: 'muted' }, 'The request payload schema is not available.'));
      }

      container.appendChild(h('h4', null, 'Answer without a private service'));
      container.appendChild(h('p', null, 'Status ', code(String(operation.answer_without_private_service)),
        '. The payload tells the caller which tenant it concerns and where to read on.'));
      if (communityPayload) {
        container.appendChild(schemaTable(communityPayload, 'Keys of the answer a Community deployment gives'));
        container.appendChild(exampleBlock('Example payload', exampleFrom(communityPayload, {})));
      }

      if (operation.has_summary) {
        container.appendChild(h('h4', null, 'Answer from a private service'));
        container.appendChild(h('p', null,
          'A private service answers with a typed summary. Its shape is public; its values come from ' +
          'the private service. Example values below are illustrative.'));
        if (summary) {
          container.appendChild(summaryTable(operation, summary));
        }
        if (summaryPayload) {
          var nested = { summary: summary ? exampleFrom(summary, {}) : {} };
          container.appendChild(exampleBlock('Example payload (illustrative values)', exampleFrom(summaryPayload, {}, nested)));
        }
      }
      if (!responseEnvelope || !requestEnvelope) {
        container.appendChild(h('p', { class: 'muted' }, 'Some envelope schemas are not available.'));
      }
    });
  }

  function envelopeExample(envelopeSchema, values) {
    if (!envelopeSchema) {
      return values;
    }
    return exampleFrom(envelopeSchema, values);
  }

  function exampleBlock(title, value) {
    return h('figure', { class: 'example' },
      h('figcaption', null, title),
      h('pre', { class: 'json', tabindex: '0' }, pretty(value)));
  }

  function parameterTable(operation) {
    var body = h('tbody');
    operation.parameters.forEach(function (p) {
      var dflt;
      if (p.required) {
        dflt = h('span', { class: 'required-mark' }, 'required');
      } else if (p.default === null || p.default === undefined) {
        dflt = p.name === 'correlation_id' ? 'generated (saas- and 12 hex digits)' : 'none';
      } else {
        dflt = code(inlineJson(p.default));
      }
      body.appendChild(h('tr', null,
        h('th', { scope: 'row' }, code(p.name)),
        h('td', { class: 'nowrap' }, KIND_LABELS[p.kind] || String(p.kind)),
        h('td', null, dflt)));
    });
    return h('div', { class: 'table-scroll' },
      h('table', { class: 'shape' },
        h('caption', null, 'What the builder takes (snake_case names, as the form and POST /v1/build use them)'),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'parameter'), h('th', { scope: 'col' }, 'kind'), h('th', { scope: 'col' }, 'default'))),
        body));
  }

  function summaryTable(operation, summarySchema) {
    var props = (summarySchema && summarySchema.properties) || {};
    var body = h('tbody');
    operation.summary_fields.forEach(function (f) {
      var prop = props[f.name];
      var value;
      if (Array.isArray(f.allowed) && f.allowed.length) {
        value = 'one of: ' + f.allowed.join(', ');
      } else {
        value = describeType(prop) || String(f.kind).toLowerCase();
      }
      var note = f.required ? h('span', { class: 'required-mark' }, 'required')
        : (f.default !== null && f.default !== undefined ? ['default ', code(inlineJson(f.default))] : null);
      body.appendChild(h('tr', null,
        h('th', { scope: 'row' }, code(f.name)),
        h('td', null, value, note ? [h('br'), note] : null),
        h('td', null, isObject(prop) && prop.description ? String(prop.description) : '')));
    });
    return h('div', { class: 'table-scroll' },
      h('table', { class: 'shape' },
        h('caption', null, 'Summary fields, in wire order'),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'field'), h('th', { scope: 'col' }, 'value'), h('th', { scope: 'col' }, 'meaning'))),
        body));
  }

  // ---------------------------------------------------------------------------------------------
  // The request form

  function renderOperationSelect(operations) {
    var select = clear(byId('operation-select'));
    operations.forEach(function (o) {
      select.appendChild(h('option', { value: o.name }, o.name + (o.provisional ? ' (provisional)' : '')));
    });
    select.disabled = false;
    select.addEventListener('change', function () { selectOperation(select.value, false); });
    ['build-button', 'reset-button'].forEach(function (id) { byId(id).disabled = false; });
  }

  // Opens the form for an operation through its #try-<operation> address, so that the address can be shared.
  function tryOperation(name) {
    if (location.hash === '#try-' + name) {
      selectOperation(name, true);
    } else {
      location.hash = 'try-' + name;
    }
  }

  function operationFromHash() {
    var wanted = /^#try-(.+)$/.exec(location.hash);
    return wanted && state.byName.has(wanted[1]) ? wanted[1] : null;
  }

  function selectOperation(name, scroll) {
    var select = byId('operation-select');
    if (select.value !== name) {
      select.value = name;
    }
    renderForm(name);
    if (scroll) {
      byId('try').scrollIntoView({ block: 'start' });
      select.focus({ preventScroll: true });
    }
  }

  function renderForm(name) {
    var operation = state.byName.get(name);
    if (!operation) {
      return;
    }
    state.currentOperation = operation;
    state.fields = [];
    var envelope = byId('envelope-fields');
    var payload = byId('payload-fields');
    [envelope, payload].forEach(function (fs) {
      var legend = fs.querySelector('legend');
      clear(fs);
      fs.appendChild(legend);
    });
    var hint = clear(byId('operation-hint'));
    appendChildren(hint, [String(operation.request || '')]);
    if (operation.provisional) {
      appendChildren(hint, [' ', h('span', { class: 'badge badge-provisional' }, 'Provisional')]);
    }
    var payloadCount = 0;
    operation.parameters.forEach(function (p) {
      var field = makeField(p);
      state.fields.push(field);
      if (COMMON_PARAMETERS.indexOf(p.name) >= 0) {
        envelope.appendChild(field.node);
      } else {
        payload.appendChild(field.node);
        payloadCount++;
      }
    });
    if (!payloadCount) {
      payload.appendChild(h('p', { class: 'muted' }, 'This operation has no payload parameters.'));
    }
    resetResults();
  }

  function fieldLabel(p, forId) {
    return h('label', { for: forId },
      code(p.name),
      p.required ? h('span', { class: 'required-mark' }, ' required') : null,
      h('span', { class: 'kind' }, ' ' + (KIND_LABELS[p.kind] || p.kind)));
  }

  function initialValue(p) {
    if (p.default !== null && p.default !== undefined) {
      return p.default;
    }
    return EXAMPLE_VALUES[p.name];
  }

  function errorSlot(p) {
    return h('p', { class: 'field-error', id: 'error-' + p.name, hidden: true });
  }

  function makeField(p) {
    switch (p.kind) {
      case 'TEXT_LIST':
        return listField(p);
      case 'JSON_MAP':
        return mapField(p);
      case 'LICENSE_REPORT':
        return reportField(p);
      default:
        return textField(p);
    }
  }

  function textField(p) {
    var id = 'param-' + p.name;
    var value = initialValue(p);
    var input = h('input', {
      id: id, type: 'text', name: p.name, autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': 'error-' + p.name + (p.name === 'correlation_id' ? ' help-' + p.name : ''),
      placeholder: p.name === 'correlation_id' ? 'generated when empty' : null
    });
    input.value = value === undefined || value === null ? '' : String(value);
    var node = h('div', { class: 'field', dataset: { param: p.name } },
      fieldLabel(p, id), input,
      p.name === 'correlation_id'
        ? h('p', { class: 'help', id: 'help-' + p.name }, '1–128 characters of A–Z, a–z, 0–9, . _ : -, starting with a letter or digit.')
        : null,
      errorSlot(p));
    suggestAllowedValues(p, input, node);
    return {
      name: p.name, node: node, focusTarget: input,
      read: function () {
        if (input.value === '' && !p.required && (p.default === null || p.default === undefined)) {
          return { include: false };
        }
        return { include: true, value: input.value };
      }
    };
  }

  // Where the request payload schema lists the allowed values of a text parameter (deployment
  // model, export format, worker mode), offer them as suggestions; any text can still be sent, so
  // the builder's own refusal stays visible.
  function suggestAllowedValues(p, input, node) {
    var operation = state.currentOperation;
    if (!operation || COMMON_PARAMETERS.indexOf(p.name) >= 0) {
      return;
    }
    schema('request-payload-' + operation.name).then(function (doc) {
      var prop = doc && isObject(doc.properties) ? doc.properties[PAYLOAD_KEY_OF[p.name] || p.name] : null;
      if (state.currentOperation !== operation || !isObject(prop) || !Array.isArray(prop.enum) || !node.isConnected) {
        return;
      }
      var listId = 'allowed-' + p.name;
      node.appendChild(h('datalist', { id: listId },
        prop.enum.map(function (v) { return h('option', { value: String(v) }); })));
      input.setAttribute('list', listId);
      node.insertBefore(h('p', { class: 'help' }, 'One of: ', prop.enum.map(function (v, i) {
        return [i ? ', ' : '', code(String(v))];
      })), node.querySelector('.field-error'));
    });
  }

  function listField(p) {
    var items = h('ol', { class: 'list-items' });
    var legendId = 'legend-' + p.name;
    var count = 0;
    function addItem(value, focus) {
      count++;
      var input = h('input', {
        type: 'text', autocomplete: 'off', spellcheck: 'false', name: p.name,
        'aria-label': p.name + ' item'
      });
      input.value = value || '';
      var row = h('li', { class: 'list-item' }, input,
        h('button', {
          type: 'button', class: 'button-icon remove-item', 'aria-label': 'Remove this ' + p.name + ' item',
          title: 'Remove', onclick: function () {
            var next = row.nextElementSibling || row.previousElementSibling;
            row.remove();
            renumber();
            var target = next ? next.querySelector('input') : addButton;
            target.focus();
          }
        }, '\u00d7'));
      items.appendChild(row);
      renumber();
      if (focus) {
        input.focus();
      }
    }
    function renumber() {
      var rows = items.querySelectorAll('li');
      rows.forEach(function (row, i) {
        row.querySelector('input').setAttribute('aria-label', p.name + ' item ' + (i + 1) + ' of ' + rows.length);
      });
      empty.hidden = rows.length > 0;
    }
    var empty = h('p', { class: 'muted empty-list' }, 'No items: the list is sent empty.');
    var addButton = h('button', {
      type: 'button', class: 'button-quiet add-item',
      onclick: function () { addItem('', true); }
    }, 'Add item');
    var node = h('fieldset', {
      class: 'field field-list', id: 'param-' + p.name, dataset: { param: p.name },
      'aria-describedby': 'error-' + p.name
    },
      h('legend', { id: legendId }, code(p.name),
        p.required ? h('span', { class: 'required-mark' }, ' required') : null,
        h('span', { class: 'kind' }, ' ' + KIND_LABELS.TEXT_LIST)),
      items, empty, addButton, errorSlot(p));
    var initial = initialValue(p);
    (Array.isArray(initial) ? initial : []).forEach(function (v) { addItem(String(v), false); });
    renumber();
    return {
      name: p.name, node: node, focusTarget: addButton,
      read: function () {
        var values = [];
        items.querySelectorAll('input').forEach(function (input) {
          if (input.value !== '') {
            values.push(input.value);
          }
        });
        return { include: true, value: values };
      }
    };
  }

  function mapField(p) {
    var rows = h('ol', { class: 'map-items' });
    function addRow(key, value, focus) {
      var keyInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', class: 'map-key' });
      var valueInput = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', class: 'map-value' });
      keyInput.value = key || '';
      valueInput.value = value || '';
      var row = h('li', { class: 'map-item' }, keyInput, h('span', { class: 'map-eq', 'aria-hidden': 'true' }, '='), valueInput,
        h('button', {
          type: 'button', class: 'button-icon remove-item', 'aria-label': 'Remove this ' + p.name + ' entry',
          title: 'Remove', onclick: function () { row.remove(); renumber(); addButton.focus(); }
        }, '\u00d7'));
      rows.appendChild(row);
      renumber();
      if (focus) {
        keyInput.focus();
      }
    }
    function renumber() {
      var all = rows.querySelectorAll('li');
      all.forEach(function (row, i) {
        row.querySelector('.map-key').setAttribute('aria-label', p.name + ' entry ' + (i + 1) + ' key');
        row.querySelector('.map-value').setAttribute('aria-label', p.name + ' entry ' + (i + 1) + ' value');
      });
      empty.hidden = all.length > 0;
    }
    var empty = h('p', { class: 'muted empty-list' }, 'No entries: the map is sent empty.');
    var addButton = h('button', {
      type: 'button', class: 'button-quiet add-item',
      onclick: function () { addRow('', '', true); }
    }, 'Add entry');
    var node = h('fieldset', {
      class: 'field field-map', id: 'param-' + p.name, dataset: { param: p.name },
      'aria-describedby': 'error-' + p.name
    },
      h('legend', null, code(p.name),
        p.required ? h('span', { class: 'required-mark' }, ' required') : null,
        h('span', { class: 'kind' }, ' ' + KIND_LABELS.JSON_MAP)),
      rows, empty, addButton, errorSlot(p));
    var initial = initialValue(p);
    if (isObject(initial)) {
      Object.keys(initial).forEach(function (k) {
        addRow(k, typeof initial[k] === 'string' ? initial[k] : JSON.stringify(initial[k]), false);
      });
    }
    renumber();
    return {
      name: p.name, node: node, focusTarget: addButton,
      read: function () {
        var out = {};
        var error = null;
        rows.querySelectorAll('li').forEach(function (row) {
          var k = row.querySelector('.map-key').value;
          var v = row.querySelector('.map-value').value;
          if (k === '' && v === '') {
            return;
          }
          if (Object.prototype.hasOwnProperty.call(out, k)) {
            error = 'Each key may appear once.';
          }
          out[k] = v;
        });
        return error ? { error: error } : { include: true, value: out };
      }
    };
  }

  function reportField(p) {
    var id = 'param-' + p.name;
    var area = h('textarea', {
      id: id, class: 'code-input', rows: '10', spellcheck: 'false', autocomplete: 'off',
      'aria-describedby': 'help-' + p.name + ' error-' + p.name
    });
    var initial = initialValue(p);
    area.value = initial === undefined || initial === null ? '{}' : pretty(initial);
    var node = h('div', { class: 'field', dataset: { param: p.name } },
      fieldLabel(p, id), area,
      h('p', { class: 'help', id: 'help-' + p.name },
        'A local license validation report, as a JSON object. The example is the default Community report.'),
      errorSlot(p));
    return {
      name: p.name, node: node, focusTarget: area,
      read: function () {
        try {
          return { include: true, value: JSON.parse(area.value) };
        } catch (e) {
          return { error: 'This is not valid JSON.' };
        }
      }
    };
  }

  function clearFieldErrors() {
    state.fields.forEach(function (f) {
      var slot = byId('error-' + f.name);
      if (slot) {
        slot.hidden = true;
        slot.textContent = '';
      }
      f.node.classList.remove('has-error');
      f.node.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    });
  }

  function markFieldError(name, message) {
    var field = state.fields.find(function (f) { return f.name === name; });
    if (!field) {
      return false;
    }
    var slot = byId('error-' + name);
    slot.textContent = message;
    slot.hidden = false;
    field.node.classList.add('has-error');
    // Inputs are marked invalid; an empty list has none, and its fieldset names the error instead.
    field.node.querySelectorAll('input, textarea').forEach(function (el) { el.setAttribute('aria-invalid', 'true'); });
    return true;
  }

  // Maps a problem path (tenant_id, $.payload.policy_refs, payload.policy_refs[0],
  // payload.labels.x) to a builder parameter of the current operation.
  function parameterForPath(path) {
    if (typeof path !== 'string' || !state.currentOperation) {
      return null;
    }
    var head = path.replace(/^\$\.?/, '').replace(/^payload\./, '').split(/[.[]/)[0];
    var names = state.currentOperation.parameters.map(function (p) { return p.name; });
    if (names.indexOf(head) >= 0) {
      return head;
    }
    var alias = Object.keys(PAYLOAD_KEY_OF).find(function (k) { return PAYLOAD_KEY_OF[k] === head; });
    return alias && names.indexOf(alias) >= 0 ? alias : null;
  }

  function collectParameters() {
    var params = {};
    var errors = [];
    state.fields.forEach(function (f) {
      var r = f.read();
      if (r.error) {
        errors.push({ name: f.name, message: r.error });
      } else if (r.include) {
        params[f.name] = r.value;
      }
    });
    return { params: params, errors: errors };
  }

  function resetResults() {
    state.built = null;
    byId('send-button').disabled = true;
    setStatus('build-status', 'Nothing built yet.');
    setStatus('send-status', 'Build a request, then send it.');
    hidePre('built-envelope');
    hidePre('response-output');
    hideCurl();
    clearFieldErrors();
  }

  function hideCurl() {
    byId('curl-block').hidden = true;
    byId('curl-command').textContent = '';
    var copy = document.querySelector('[data-copy="curl-command"]');
    if (copy) {
      copy.disabled = true;
    }
  }

  function hidePre(id) {
    var pre = byId(id);
    pre.textContent = '';
    pre.hidden = true;
    var copy = document.querySelector('[data-copy="' + id + '"]');
    if (copy) {
      copy.disabled = true;
    }
  }

  function enableCopy(id) {
    var copy = document.querySelector('[data-copy="' + id + '"]');
    if (copy) {
      copy.disabled = false;
    }
  }

  function setStatus(id, content) {
    var node = clear(byId(id));
    appendChildren(node, content);
  }

  function build(event) {
    event.preventDefault();
    var operation = state.currentOperation;
    if (!operation) {
      return;
    }
    clearFieldErrors();
    state.built = null;
    byId('send-button').disabled = true;
    hidePre('built-envelope');
    hidePre('response-output');
    hideCurl();
    setStatus('send-status', 'Build a request, then send it.');
    var collected = collectParameters();
    if (collected.errors.length) {
      collected.errors.forEach(function (e) { markFieldError(e.name, e.message); });
      setStatus('build-status', h('p', { class: 'status-line status-bad' }, 'Fix the marked field first.'));
      focusField(collected.errors[0].name);
      return;
    }
    setStatus('build-status', 'Building…');
    api('POST', '/v1/build/' + encodeURIComponent(operation.name), collected.params).then(function (r) {
      if (state.currentOperation !== operation) {
        return;
      }
      if (r.ok && isObject(r.data)) {
        state.built = r.data;
        showJson(byId('built-envelope'), r.data);
        enableCopy('built-envelope');
        showCurl();
        byId('send-button').disabled = false;
        setStatus('build-status', [h('p', { class: 'status-line status-good' },
          h('span', { class: 'badge badge-ok' }, 'Built'), ' ',
          code(String(r.data.operation || operation.name)), ' for tenant ', code(String(r.data.tenant_id || '')),
          ', correlation id ', code(String(r.data.correlation_id || ''))), answerMeta(r)]);
      } else {
        var problem = r.problem || normalizeProblem(r.data, r.status);
        setStatus('build-status', [h('p', { class: 'status-line status-bad' },
          refusalHeading(problem, 'The builder refused these parameters.')), problemView(problem), answerMeta(r)]);
        var param = parameterForPath(problem.path);
        if (param) {
          markFieldError(param, (problem.code ? problem.code + ': ' : '') + (problem.detail || problem.title || ''));
        }
      }
    });
  }

  function focusField(name) {
    var field = state.fields.find(function (f) { return f.name === name; });
    if (field && field.focusTarget) {
      field.focusTarget.focus();
    }
  }

  function send() {
    if (!state.built) {
      return;
    }
    var envelope = state.built;
    hidePre('response-output');
    setStatus('send-status', 'Sending…');
    api('POST', '/v1/control-plane', envelope).then(function (r) {
      if (state.built !== envelope) {
        return;
      }
      if (r.ok && isObject(r.data)) {
        showJson(byId('response-output'), r.data);
        enableCopy('response-output');
        var status = String(r.data.status || '');
        var lines = [h('p', { class: 'status-line status-good' },
          h('span', { class: 'badge badge-ok' }, 'HTTP ' + r.status), ' status ',
          h('code', { class: 'response-status' }, status))];
        if (typeof r.data.message === 'string' && r.data.message) {
          lines.push(h('blockquote', { class: 'server-message' }, r.data.message));
        }
        var nextStep = isObject(r.data.payload) ? r.data.payload.next_step : null;
        if (typeof nextStep === 'string' && nextStep) {
          lines.push(h('p', { class: 'help' }, 'Next step: ', nextStep));
        }
        if (status === 'requires_private_service') {
          lines.push(h('p', { class: 'help' },
            'The contract defines this operation\u2019s shape; a private SaaS or Enterprise service ' +
            'must perform it.'));
        }
        lines.push(answerMeta(r));
        setStatus('send-status', lines);
      } else {
        var problem = r.problem || normalizeProblem(r.data, r.status);
        setStatus('send-status', [h('p', { class: 'status-line status-bad' },
          refusalHeading(problem, 'The control plane refused the request.')), problemView(problem), answerMeta(r)]);
      }
      remember(envelope, r);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Copy as curl, and the history of sent requests

  function shellQuote(text) {
    return "'" + String(text).replace(/'/g, "'\\''") + "'";
  }

  // The built request as a curl command to /v1/control-plane. A key is named by a variable, never written out.
  function curlCommand(envelope) {
    var lines = ['curl -s -X POST ' + shellQuote(location.origin + '/v1/control-plane'),
      "-H 'Content-Type: application/json'"];
    if (state.apiKey) {
      lines.push('-H "Authorization: Bearer $CAVRA_CP_KEY"');
    }
    lines.push('--data-binary ' + shellQuote(JSON.stringify(envelope)));
    return lines.join(' \\\n    ');
  }

  function showCurl() {
    if (!state.built) {
      return;
    }
    byId('curl-command').textContent = curlCommand(state.built);
    byId('curl-key-note').hidden = !state.apiKey;
    byId('curl-block').hidden = false;
    enableCopy('curl-command');
  }

  function remember(envelope, r) {
    var problem = r.ok ? null : (r.problem || normalizeProblem(r.data, r.status));
    state.history.unshift({
      at: new Date(),
      operation: String(envelope.operation || ''),
      tenant: String(envelope.tenant_id || ''),
      request: envelope,
      status: r.status,
      outcome: r.ok && isObject(r.data) ? String(r.data.status || '') : String((problem && problem.code) || ''),
      elapsed: r.elapsed || 0,
      answer: r.ok ? r.data : problem
    });
    state.history.length = Math.min(state.history.length, HISTORY_SIZE);
    renderHistory();
  }

  function renderHistory() {
    var list = clear(byId('history-list'));
    byId('history-empty').hidden = state.history.length > 0;
    state.history.forEach(function (entry) {
      var time = entry.at.toLocaleTimeString([], { hour12: false });
      list.appendChild(h('li', { class: 'history-entry' },
        h('details', null,
          h('summary', null,
            h('span', { class: 'history-time' }, time), ' ',
            code(entry.operation), ' for ', code(entry.tenant), ' · ',
            h('span', { class: 'badge ' + (entry.status >= 200 && entry.status < 300 ? 'badge-ok' : 'badge-problem') },
              entry.status ? 'HTTP ' + entry.status : 'no answer'),
            ' ', code(entry.outcome), ' · ', Math.round(entry.elapsed) + ' ms'),
          h('div', { class: 'history-body' },
            h('p', { class: 'help' }, 'Request'),
            h('pre', { class: 'json history-request', tabindex: '0' }, pretty(entry.request)),
            h('p', { class: 'help' }, 'Answer'),
            h('pre', { class: 'json history-answer', tabindex: '0' }, pretty(entry.answer))))));
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Problem types

  function renderProblemTypes(r) {
    var rows = clear(byId('problem-type-rows'));
    state.problemTypes = new Map();
    var problems = r.ok && isObject(r.data) && Array.isArray(r.data.problems) ? r.data.problems.filter(isObject) : [];
    problems.forEach(function (p) {
      if (typeof p.code !== 'string' || !SAFE_NAME.test(p.code)) {
        return;
      }
      state.problemTypes.set(p.code, p);
      rows.appendChild(h('tr', { id: 'problem-' + p.code, class: 'problem-type' },
        h('th', { scope: 'row' }, code(p.code)),
        h('td', null, String(p.status || '')),
        h('td', null, String(p.title || '')),
        h('td', null, String(p.description || ''))));
    });
    if (!problems.length) {
      rows.appendChild(h('tr', null, h('td', { colspan: '4', class: 'muted' }, 'The problem types could not be loaded.')));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The secret guard box

  // Built at run time so that the source holds no credential-shaped literal. Obviously fake.
  function fakeTokenForDemo() {
    return ['gh', 'p', '_'].join('') + 'EXAMPLEONLY'.padEnd(36, '0');
  }

  function guardExample(kind) {
    var opName = kind === 'field' ? 'policy_registry_lookup' : 'policy_registry_readiness';
    var operation = state.byName.get(opName);
    var area = byId('guard-input');
    if (!operation) {
      return;
    }
    Promise.all([schema('request-payload-' + opName), schema(REQUEST_SCHEMA)]).then(function (s) {
      var overrides = examplePayloadOverrides(operation);
      if (kind === 'field') {
        overrides.labels = { team: 'platform', deploy_token: 'not-a-real-value' };
      } else {
        overrides.catalog_scope = fakeTokenForDemo();
      }
      var envelope = envelopeExample(s[1], {
        operation: opName,
        tenant_id: EXAMPLE_VALUES.tenant_id,
        requested_by: 'community',
        correlation_id: EXAMPLE_CORRELATION_ID,
        private_implementation_required: true,
        payload: exampleFrom(s[0], overrides)
      });
      area.value = pretty(envelope);
      clear(byId('guard-result'));
      area.focus();
    });
  }

  function checkGuard() {
    var text = byId('guard-input').value;
    var result = byId('guard-result');
    if (!text.trim()) {
      setStatus('guard-result', h('p', { class: 'status-line status-bad' }, 'Paste some JSON first.'));
      return;
    }
    setStatus('guard-result', 'Checking…');
    // The text goes to the gateway exactly as typed; the answer never carries the value back.
    api('POST', '/v1/validate', text).then(function (r) {
      clear(result);
      if (r.ok && isObject(r.data) && r.data.valid === true) {
        appendChildren(result, h('p', { class: 'status-line status-good' },
          h('span', { class: 'badge badge-ok' }, 'Valid'), ' ',
          r.data.kind ? [code(String(r.data.kind)), ' envelope'] : 'envelope',
          r.data.operation ? [' for ', code(String(r.data.operation))] : null,
          '. Nothing in it looks like a credential.'));
        return;
      }
      if (r.ok && isObject(r.data) && Array.isArray(r.data.problems)) {
        var problems = r.data.problems.filter(isObject);
        var refused = problems.some(function (p) { return /^sensitive_/.test(String(p.code)); });
        appendChildren(result, [
          h('p', { class: 'status-line status-bad' },
            h('span', { class: 'badge badge-problem' }, refused ? 'Refused' : 'Invalid'), ' ',
            refused ? 'The secret guard refused this document.' : 'This is not a valid envelope.',
            ' ' + problems.length + (problems.length === 1 ? ' problem.' : ' problems.')),
          guardTable(problems),
          refused ? h('p', { class: 'help' },
            'Only the rule and the location come back: the gateway never repeats a refused value.') : null
        ]);
        return;
      }
      appendChildren(result, problemView(r.problem || normalizeProblem(r.data, r.status)));
    });
  }

  function guardTable(problems) {
    var body = h('tbody');
    problems.forEach(function (p) {
      body.appendChild(h('tr', { class: 'guard-problem' },
        h('td', { dataset: { col: 'code' } }, code(String(p.code || ''))),
        h('td', { dataset: { col: 'rule_id' } }, p.rule_id ? code(String(p.rule_id)) : h('span', { class: 'muted' }, '—')),
        h('td', { dataset: { col: 'path' } }, p.path !== undefined ? code(String(p.path)) : h('span', { class: 'muted' }, '—')),
        h('td', { dataset: { col: 'message' } }, String(p.message || ''))));
    });
    return h('div', { class: 'table-scroll' },
      h('table', { class: 'guard-table' },
        h('caption', { class: 'visually-hidden' }, 'Problems found'),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'code'), h('th', { scope: 'col' }, 'rule id'),
          h('th', { scope: 'col' }, 'path'), h('th', { scope: 'col' }, 'message'))),
        body));
  }

  // ---------------------------------------------------------------------------------------------
  // Start

  function showLoadError(problem) {
    var box = clear(byId('load-error'));
    box.appendChild(h('p', { class: 'status-line status-bad' }, 'The contract could not be loaded.'));
    box.appendChild(problemView(problem));
    box.appendChild(h('button', { type: 'button', onclick: load }, 'Try again'));
    box.hidden = false;
    setStatus('contract-meta', 'The contract is not loaded.');
  }

  function load() {
    byId('load-error').hidden = true;
    Promise.all([api('GET', '/v1/operations'), api('GET', '/v1/contract'), api('GET', '/v1/schemas'),
      api('GET', '/explorer/problem-types.json')]).then(function (r) {
      var ops = r[0], contract = r[1], schemas = r[2];
      renderProblemTypes(r[3]);
      if (!ops.ok || !isObject(ops.data) || !Array.isArray(ops.data.operations)) {
        showLoadError(ops.problem || normalizeProblem(ops.data, ops.status));
        return;
      }
      if (schemas.ok && isObject(schemas.data) && Array.isArray(schemas.data.schemas)) {
        state.schemaNames = new Set(schemas.data.schemas.map(String));
      }
      state.schemaCache = new Map();
      state.operations = ops.data.operations.filter(function (o) { return isObject(o) && typeof o.name === 'string'; })
        .map(function (o) {
          // Kinds are compared in upper case, whichever case the gateway writes them in.
          o.parameters = (Array.isArray(o.parameters) ? o.parameters.filter(isObject) : []).map(normalizeKind);
          o.summary_fields = (Array.isArray(o.summary_fields) ? o.summary_fields.filter(isObject) : []).map(normalizeKind);
          return o;
        });
      state.byName = new Map(state.operations.map(function (o) { return [o.name, o]; }));
      renderContractMeta(contract.ok ? contract.data : null, state.operations);
      renderBoundary(contract.ok ? contract.data : null);
      renderOperations(state.operations);
      state.operations.forEach(fillWhy);
      if (byId('operation-select').disabled) {
        renderOperationSelect(state.operations);
      }
      var wanted = operationFromHash();
      var first = wanted || (state.operations[0] && state.operations[0].name);
      if (first) {
        // An address ending in #try-<operation> opens that operation's form and scrolls to it.
        selectOperation(first, Boolean(wanted));
      }
      document.body.dataset.ready = 'true';
    });
  }

  function copyFrom(id, button) {
    var source = byId(id);
    var text = source.textContent;
    if (!text) {
      return;
    }
    var label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    function say(word) {
      button.textContent = word;
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    function selectIt() {
      // Without clipboard access the text is selected, for the keyboard's copy.
      window.getSelection().selectAllChildren(source);
      say('Selected: press Ctrl+C');
    }
    if (!navigator.clipboard) {
      selectIt();
      return;
    }
    navigator.clipboard.writeText(text).then(function () { say('Copied'); }, selectIt);
  }

  function init() {
    var key = byId('api-key');
    key.value = '';
    key.addEventListener('input', function () {
      state.apiKey = key.value.trim();
      showCurl();
    });
    byId('api-key-clear').addEventListener('click', function () {
      key.value = '';
      state.apiKey = '';
      showCurl();
      key.focus();
    });
    window.addEventListener('hashchange', function () {
      var wanted = operationFromHash();
      if (wanted) {
        selectOperation(wanted, true);
      }
    });
    byId('request-form').addEventListener('submit', build);
    byId('request-form').addEventListener('input', function () {
      if (state.built) {
        var status = byId('build-status');
        if (!status.querySelector('.stale-note')) {
          status.appendChild(h('p', { class: 'help stale-note' },
            'The form changed since this request was built: build again to include the changes.'));
        }
      }
    });
    byId('send-button').addEventListener('click', send);
    byId('reset-button').addEventListener('click', function () {
      if (state.currentOperation) {
        renderForm(state.currentOperation.name);
      }
    });
    byId('guard-check').addEventListener('click', checkGuard);
    byId('guard-example-field').addEventListener('click', function () { guardExample('field'); });
    byId('guard-example-value').addEventListener('click', function () { guardExample('value'); });
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () { copyFrom(button.dataset.copy, button); });
    });
    load();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
