/*
 * Flowstage flow page: runs one flow through authentik's flow-executor API and renders every
 * challenge generically from its JSON. No build step, no dependencies. All text goes into the page
 * through textContent (never innerHTML), so nothing a challenge carries can inject markup.
 *
 * GET  /api/v3/flows/executor/{slug}/?query=<this page's query>  -> the current challenge
 * POST the same URL with {...response, component}                 -> the next challenge
 */
(function () {
  'use strict';

  var root = document.getElementById('flow-root');
  if (!root) {
    return;
  }
  var slug = root.getAttribute('data-slug');
  var brandTitle = root.getAttribute('data-brand') || 'Flowstage';
  var apiUrl = '/api/v3/flows/executor/' + encodeURIComponent(slug) + '/?query='
      + encodeURIComponent(window.location.search.substring(1));
  var current = null;
  var busy = false;
  var ids = 0;
  var validateChoice = null;

  var AVATAR = '/static/dist/assets/images/user_default.png';
  var USER_FIELD_LABELS = { username: 'Username', email: 'Email', upn: 'UPN' };
  var DEVICE_LABELS = {
    totp: 'Authenticator app', static: 'Recovery code', webauthn: 'Security key or passkey',
    email: 'Code sent by email', sms: 'Code sent by SMS', duo: 'Duo push'
  };

  // ---------------------------------------------------------------- DOM helpers

  /** Creates an element; attrs: class, text, on* listeners, booleans, strings. Children: nodes or text. */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === 'class') {
        el.className = value;
      } else if (key === 'text') {
        el.textContent = value;
      } else if (key.indexOf('on') === 0 && typeof value === 'function') {
        el.addEventListener(key.substring(2), value);
      } else if (key === 'value') {
        el.value = value;
      } else if (key === 'checked') {
        el.checked = !!value;
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(el, arguments[i]);
    }
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(el, c); });
    } else {
      el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function nextId(prefix) {
    ids += 1;
    return prefix + '-' + ids;
  }

  function errorsFor(ch, field) {
    var errors = ch.response_errors && ch.response_errors[field];
    return Array.isArray(errors) ? errors : [];
  }

  /** Accepts a relative path on this host or an http(s) URL; refuses javascript:, data:, //host and the like. */
  function safeUrl(url) {
    if (typeof url !== 'string' || url.length === 0 || /[\u0000-\u001f\\\s]/.test(url)) {
      return null;
    }
    if (url.charAt(0) === '/' && url.charAt(1) !== '/') {
      return url;
    }
    return /^https?:\/\/[^/]/i.test(url) ? url : null;
  }

  // ---------------------------------------------------------------- talking to the executor

  function call(method, body) {
    var init = { method: method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(apiUrl, init).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        if (!response.ok || !json || typeof json.component !== 'string') {
          return { component: 'xak-http-error', status: response.status, detail: json && json.detail };
        }
        return json;
      });
    }, function () {
      return { component: 'xak-http-error', status: 0 };
    });
  }

  function submit(data) {
    if (busy || !current) {
      return Promise.resolve();
    }
    busy = true;
    setBusy(true);
    var payload = Object.assign({}, data, { component: current.component });
    return call('POST', payload).then(function (next) {
      busy = false;
      render(next);
    });
  }

  function setBusy(on) {
    root.setAttribute('aria-busy', on ? 'true' : 'false');
    Array.prototype.forEach.call(root.querySelectorAll('button'), function (button) {
      button.disabled = on;
    });
  }

  // ---------------------------------------------------------------- page frame

  function render(ch) {
    var previous = current;
    var reshown = previous && ch && previous.component === ch.component && ch.response_errors;
    var kept = reshown ? keptValues() : {};
    current = ch;
    validateChoice = previous && previous.component === ch.component ? validateChoice : null;
    var info = ch.flow_info || {};
    var title = info.title || brandTitle;
    document.title = title === brandTitle ? brandTitle : title + ' – ' + brandTitle;
    applyBackground(info.background);
    root.className = 'flow layout-' + (info.layout || 'stacked');
    root.setAttribute('data-component', ch.component);
    root.textContent = '';
    root.appendChild(h('h1', { id: 'flow-title', tabindex: '-1', text: title }));
    var renderer = RENDERERS[ch.component] || unsupported;
    var rendered = {};
    var body = renderer(ch, rendered);
    root.appendChild(topErrors(ch, rendered));
    append(root, body);
    restoreValues(kept);
    root.setAttribute('aria-busy', 'false');
    focusFirst();
  }

  function applyBackground(url) {
    var safe = safeUrl(url);
    document.body.style.backgroundImage = safe ? 'url("' + safe.replace(/["()]/g, encodeURIComponent) + '")' : '';
    document.body.classList.toggle('has-background', !!safe);
  }

  /** The non-field errors, plus errors of fields the form does not show, at the top, announced. */
  function topErrors(ch, rendered) {
    var messages = [];
    var infos = [];
    Object.keys(ch.response_errors || {}).forEach(function (field) {
      if (field !== 'non_field_errors' && rendered[field]) {
        return;
      }
      errorsFor(ch, field).forEach(function (error) {
        var text = friendlyError(error);
        if (text.info) {
          infos.push(text.message);
        } else {
          messages.push(text.message);
        }
      });
    });
    var box = h('div', { id: 'flow-messages' });
    if (messages.length) {
      box.appendChild(h('div', { class: 'alert alert-error', role: 'alert', id: 'non-field-errors' },
          messages.length === 1 ? h('p', { text: messages[0] })
              : h('ul', {}, messages.map(function (m) { return h('li', { text: m }); }))));
    }
    if (infos.length) {
      box.appendChild(h('div', { class: 'alert alert-success', role: 'status' },
          infos.map(function (m) { return h('p', { text: m }); })));
    }
    return box;
  }

  function friendlyError(error) {
    var code = error && error.code;
    var message = error && typeof error.string === 'string' ? error.string : 'Something went wrong.';
    if (code === 'email-sent') {
      return { info: true, message: 'A new email is on its way.' };
    }
    if (code === 'email-failed') {
      return { info: false, message: 'The email could not be sent. Please try again in a moment.' };
    }
    return { info: false, message: message };
  }

  function focusFirst() {
    var target = root.querySelector('[aria-invalid="true"]')
        || (root.querySelector('#non-field-errors') && root.querySelector('input:not([type=hidden]), select, textarea'))
        || root.querySelector('[data-autofocus]')
        || root.querySelector('#flow-title');
    if (target) {
      target.focus();
    }
  }

  /** Remembers what the user typed (never passwords) so a re-shown form with errors keeps it. */
  function keptValues() {
    var values = {};
    Array.prototype.forEach.call(root.querySelectorAll('input[name], select[name], textarea[name]'), function (el) {
      if (el.type === 'password' || el.type === 'hidden' || el.type === 'file' || el.readOnly) {
        return;
      }
      if (el.type === 'checkbox') {
        values[el.name] = el.checked;
      } else if (el.type === 'radio') {
        if (el.checked) {
          values[el.name] = el.value;
        }
      } else {
        values[el.name] = el.value;
      }
    });
    return values;
  }

  function restoreValues(values) {
    Object.keys(values).forEach(function (name) {
      Array.prototype.forEach.call(root.querySelectorAll('[name="' + CSS.escape(name) + '"]'), function (el) {
        if (el.type === 'checkbox') {
          el.checked = values[name];
        } else if (el.type === 'radio') {
          el.checked = el.value === values[name];
        } else {
          el.value = values[name];
        }
      });
    });
  }

  // ---------------------------------------------------------------- building blocks

  /**
   * A labelled control with its help text and errors wired for screen readers: the control gets
   * aria-invalid and aria-describedby naming the help and the error list.
   */
  function fieldBlock(ch, rendered, name, label, control, options) {
    options = options || {};
    rendered[name] = true;
    var id = control.id || nextId('field');
    control.id = id;
    var errors = errorsFor(ch, name);
    var described = [];
    var help = null;
    if (options.help) {
      help = h('p', { class: 'help', id: id + '-help', text: options.help });
      described.push(help.id);
    }
    var errorList = null;
    if (errors.length) {
      errorList = h('ul', { class: 'field-errors', id: id + '-errors' },
          errors.map(function (e) { return h('li', { text: friendlyError(e).message }); }));
      described.push(errorList.id);
      control.setAttribute('aria-invalid', 'true');
    }
    if (described.length) {
      control.setAttribute('aria-describedby', described.join(' '));
    }
    if (options.required) {
      control.setAttribute('aria-required', 'true');
    }
    var labelEl = h('label', { for: id }, label, options.required ? h('span', { class: 'required', 'aria-hidden': 'true', text: ' *' }) : null);
    var cls = 'field' + (errors.length ? ' has-error' : '') + (options.inline ? ' field-inline' : '');
    return options.inline
        ? h('div', { class: cls }, control, labelEl, help, errorList)
        : h('div', { class: cls }, labelEl, options.extra ? h('div', { class: 'control-row' }, control, options.extra) : control,
            help, errorList);
  }

  function input(name, type, attrs) {
    return h('input', Object.assign({ name: name, type: type }, attrs || {}));
  }

  function passwordBlock(ch, rendered, name, label, autocomplete, allowShow, attrs) {
    var control = input(name, 'password', Object.assign({ autocomplete: autocomplete, required: true }, attrs || {}));
    var toggle = null;
    if (allowShow) {
      toggle = h('button', {
        type: 'button', class: 'button secondary show-password', 'aria-pressed': 'false',
        onclick: function () {
          var show = control.type === 'password';
          control.type = show ? 'text' : 'password';
          toggle.setAttribute('aria-pressed', show ? 'true' : 'false');
          toggle.textContent = show ? 'Hide' : 'Show';
        }
      }, 'Show');
      toggle.setAttribute('aria-label', 'Show password');
    }
    return fieldBlock(ch, rendered, name, label, control, { required: true, extra: toggle });
  }

  function form(onSubmit, children) {
    return h('form', {
      class: 'form', novalidate: true, onsubmit: function (event) {
        event.preventDefault();
        onSubmit(event.target);
      }
    }, children);
  }

  function primary(text, attrs) {
    return h('button', Object.assign({ type: 'submit', class: 'button primary' }, attrs || {}), text);
  }

  function secondary(text, onclick, attrs) {
    return h('button', Object.assign({ type: 'button', class: 'button secondary', onclick: onclick }, attrs || {}), text);
  }

  function link(href, text, attrs) {
    var safe = safeUrl(href);
    return safe ? h('a', Object.assign({ href: safe }, attrs || {}), text) : null;
  }

  function userInfo(ch) {
    if (!ch.pending_user) {
      return null;
    }
    var cancel = ch.flow_info && ch.flow_info.cancel_url;
    return h('div', { class: 'user-info' },
        h('img', { class: 'avatar', src: safeUrl(ch.pending_user_avatar) || AVATAR, alt: '', width: '32', height: '32' }),
        h('span', { class: 'pending-user', text: ch.pending_user }),
        cancel ? link(cancel, 'Not you?', { class: 'not-you' }) : null);
  }

  function value(formEl, name) {
    var el = formEl.elements.namedItem(name);
    return el && typeof el.value === 'string' ? el.value : '';
  }

  function codeBlock(ch, rendered, label) {
    return fieldBlock(ch, rendered, 'code', label || 'Code', input('code', 'text', {
      inputmode: 'numeric', autocomplete: 'one-time-code', 'data-autofocus': true, required: true, spellcheck: 'false'
    }), { required: true });
  }

  // ---------------------------------------------------------------- renderers, one per component

  function identification(ch, rendered) {
    var fields = Array.isArray(ch.user_fields) ? ch.user_fields : [];
    var label = fields.map(function (f) { return USER_FIELD_LABELS[f] || f; }).join(' or ') || 'Username';
    var children = [];
    if (ch.application_pre) {
      children.push(h('p', { class: 'lead', text: 'Log in to continue to ' + ch.application_pre + '.' }));
    }
    if (fields.length) {
      var type = fields.length === 1 && fields[0] === 'email' ? 'email' : 'text';
      children.push(fieldBlock(ch, rendered, 'uid_field', label, input('uid_field', type, {
        autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true, 'data-autofocus': true,
        value: ch.pending_user_identifier || ''
      }), { required: true }));
    }
    if (ch.password_fields) {
      children.push(passwordBlock(ch, rendered, 'password', 'Password', 'current-password', ch.allow_show_password));
    }
    children.push(primary(ch.primary_action || 'Log in'));
    var links = [
      link(ch.recovery_url, 'Forgot username or password?', { id: 'recovery-link' }),
      link(ch.enroll_url, 'Need an account? Sign up.', { id: 'enroll-link' }),
      link(ch.passwordless_url, 'Use a security key', { id: 'passwordless-link' })
    ].filter(Boolean);
    if (Array.isArray(ch.sources) && ch.sources.length) {
      links = links.concat(ch.sources.map(function (source) {
        var to = source && source.challenge && source.challenge.to;
        return to ? link(to, 'Log in with ' + source.name) : null;
      }).filter(Boolean));
    }
    return [form(function (f) {
      var data = {};
      if (fields.length) {
        data.uid_field = value(f, 'uid_field');
      }
      if (ch.password_fields) {
        data.password = value(f, 'password');
      }
      submit(data);
    }, children), links.length ? h('ul', { class: 'flow-links' }, links.map(function (l) { return h('li', {}, l); })) : null];
  }

  function password(ch, rendered) {
    return [userInfo(ch), form(function (f) {
      submit({ password: value(f, 'password') });
    }, [
      h('input', { type: 'text', name: 'username', autocomplete: 'username', value: ch.pending_user || '', hidden: true,
        'aria-hidden': 'true', tabindex: '-1', class: 'visually-hidden' }),
      passwordBlock(ch, rendered, 'password', 'Password', 'current-password', ch.allow_show_password, { 'data-autofocus': true }),
      primary('Continue')
    ]), ch.recovery_url ? h('ul', { class: 'flow-links' }, h('li', {}, link(ch.recovery_url, 'Forgot password?'))) : null];
  }

  var TRUE_TEXT = ['true', 'True', '1', 'on', 'yes'];

  function promptControl(field, id) {
    var key = field.field_key;
    var initial = field.initial_value === null || field.initial_value === undefined ? '' : String(field.initial_value);
    var placeholder = field.placeholder || null;
    var common = { id: id, name: key, placeholder: placeholder, required: field.required };
    switch (field.type) {
      case 'text_area':
        return h('textarea', Object.assign(common, { rows: '4', value: initial }));
      case 'text_read_only':
        return input(key, 'text', { id: id, value: initial, readonly: true });
      case 'text_area_read_only':
        return h('textarea', { id: id, name: key, rows: '4', readonly: true, value: initial });
      case 'username':
        return input(key, 'text', Object.assign(common, { autocomplete: 'username', autocapitalize: 'none', value: initial }));
      case 'email':
        return input(key, 'email', Object.assign(common, { autocomplete: 'email', value: initial }));
      case 'password':
        return input(key, 'password', Object.assign(common, { autocomplete: 'new-password' }));
      case 'number':
        return input(key, 'number', Object.assign(common, { inputmode: 'numeric', value: initial }));
      case 'date':
        return input(key, 'date', Object.assign(common, { value: initial.substring(0, 10) }));
      case 'date-time':
        return input(key, 'datetime-local', Object.assign(common, { value: initial.substring(0, 16), step: '60' }));
      case 'checkbox':
        return input(key, 'checkbox', { id: id, checked: TRUE_TEXT.indexOf(initial) >= 0 });
      case 'dropdown':
        return h('select', { id: id, name: key, required: field.required },
            field.required ? null : h('option', { value: '', text: '—' }),
            (field.choices || []).map(function (choice) {
              return h('option', { value: String(choice.value), selected: String(choice.value) === initial, text: choice.label });
            }));
      case 'file':
        return input(key, 'file', { id: id, required: field.required });
      default:
        return input(key, 'text', Object.assign(common, { value: initial }));
    }
  }

  function promptField(ch, rendered, field) {
    var key = field.field_key;
    var help = field.sub_text || null;
    var initial = field.initial_value === null || field.initial_value === undefined ? '' : String(field.initial_value);
    switch (field.type) {
      case 'hidden':
        rendered[key] = true;
        return input(key, 'hidden', { value: initial || field.placeholder || '' });
      case 'static':
        rendered[key] = true;
        return h('div', { class: 'static-field', 'data-field': key }, h('p', { text: initial || field.placeholder || '' }));
      case 'separator':
        rendered[key] = true;
        return h('div', { class: 'separator', role: 'separator' }, field.placeholder ? h('span', { text: field.placeholder }) : null);
      case 'radio-button-group':
        return radioGroup(ch, rendered, field, initial);
      case 'checkbox':
        return fieldBlock(ch, rendered, key, field.label, promptControl(field, nextId('field')),
            { help: help, inline: true, required: field.required });
      default:
        return fieldBlock(ch, rendered, key, field.label, promptControl(field, nextId('field')),
            { help: help, required: field.required && field.type.indexOf('read_only') < 0 });
    }
  }

  function radioGroup(ch, rendered, field, initial) {
    var key = field.field_key;
    rendered[key] = true;
    var errors = errorsFor(ch, key);
    var groupId = nextId('group');
    var legend = h('legend', {}, field.label, field.required ? h('span', { class: 'required', 'aria-hidden': 'true', text: ' *' }) : null);
    var options = (field.choices || []).map(function (choice) {
      var id = nextId('choice');
      var radio = input(key, 'radio', { id: id, value: String(choice.value), checked: String(choice.value) === initial });
      if (errors.length) {
        radio.setAttribute('aria-invalid', 'true');
        radio.setAttribute('aria-describedby', groupId + '-errors');
      }
      return h('div', { class: 'choice' }, radio, h('label', { for: id, text: choice.label }));
    });
    return h('fieldset', { class: 'field radio-group' + (errors.length ? ' has-error' : ''), id: groupId,
      'aria-required': field.required ? 'true' : null },
    legend, options, field.sub_text ? h('p', { class: 'help', text: field.sub_text }) : null,
    errors.length ? h('ul', { class: 'field-errors', id: groupId + '-errors' },
        errors.map(function (e) { return h('li', { text: e.string }); })) : null);
  }

  function readFile(file) {
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { resolve(''); };
      reader.readAsDataURL(file);
    });
  }

  function collectPrompt(fields, f) {
    var data = {};
    var files = [];
    fields.forEach(function (field) {
      var key = field.field_key;
      switch (field.type) {
        case 'static':
        case 'separator':
          return;
        case 'checkbox':
          data[key] = !!(f.elements.namedItem(key) && f.elements.namedItem(key).checked);
          return;
        case 'radio-button-group': {
          var checked = f.querySelector('input[type=radio][name="' + CSS.escape(key) + '"]:checked');
          data[key] = checked ? checked.value : '';
          return;
        }
        case 'file': {
          var el = f.elements.namedItem(key);
          if (el && el.files && el.files[0]) {
            files.push(readFile(el.files[0]).then(function (uri) { data[key] = uri; }));
          } else {
            data[key] = '';
          }
          return;
        }
        default:
          data[key] = value(f, key);
      }
    });
    return Promise.all(files).then(function () { return data; });
  }

  function prompt(ch, rendered) {
    var fields = (Array.isArray(ch.fields) ? ch.fields.slice() : []).sort(function (a, b) {
      return (a.order || 0) - (b.order || 0);
    });
    var children = fields.map(function (field) { return promptField(ch, rendered, field); });
    var firstInput = children.map(function (c) { return c.querySelector && c.querySelector('input:not([type=hidden]):not([readonly]), select, textarea:not([readonly])'); })
        .filter(Boolean)[0];
    if (firstInput) {
      firstInput.setAttribute('data-autofocus', '');
    }
    children.push(primary('Continue'));
    return [userInfo(ch), form(function (f) {
      collectPrompt(fields, f).then(submit);
    }, children)];
  }

  function email() {
    return [
      h('p', { class: 'lead', text: 'Check your email.' }),
      h('p', { text: 'We have sent you an email with a link. Open it to continue; you can close this page.' }),
      h('p', {}, 'Running the demo? The mail is in the ', h('a', { href: '/outbox/' }, 'outbox'), '.'),
      form(function () { submit({}); }, [h('button', { type: 'submit', class: 'button secondary', id: 'resend' }, 'Send email again')])
    ];
  }

  function consent(ch) {
    var permissions = Array.isArray(ch.permissions) ? ch.permissions : [];
    var additional = Array.isArray(ch.additional_permissions) ? ch.additional_permissions : [];
    var list = function (heading, items) {
      return items.length ? [h('p', { text: heading }),
        h('ul', { class: 'permissions' }, items.map(function (p) { return h('li', { text: p.name || p.id }); }))] : null;
    };
    return [userInfo(ch),
      ch.header_text ? h('p', { class: 'lead', id: 'consent-header', text: ch.header_text }) : null,
      list('This gives access to:', permissions),
      list('Newly asked for:', additional),
      form(function () { submit({ token: ch.token }); }, [
        h('div', { class: 'actions' }, primary('Continue', { 'data-autofocus': true }),
            ch.flow_info && ch.flow_info.cancel_url ? link(ch.flow_info.cancel_url, 'Cancel', { class: 'button secondary' }) : null)
      ])];
  }

  function accessDenied(ch) {
    return [userInfo(ch),
      h('div', { class: 'alert alert-error', role: 'alert', id: 'access-denied' },
          h('p', { class: 'alert-title', text: 'Request has been denied.' }),
          ch.error_message ? h('p', { class: 'error-message', text: ch.error_message }) : null),
      h('p', {}, h('a', { class: 'button', href: '/', 'data-autofocus': true }, 'Back to the start page'))];
  }

  function redirect(ch) {
    var target = safeUrl(ch.to);
    if (!target) {
      return h('div', { class: 'alert alert-error', role: 'alert' }, h('p', { text: 'This flow tried to send you to an address that is not allowed.' }));
    }
    window.setTimeout(function () { window.location.assign(target); }, 0);
    return h('p', { role: 'status' }, 'Redirecting… ', h('a', { href: target }, 'Continue'));
  }

  function userLogin(ch) {
    return [userInfo(ch),
      h('p', { class: 'lead', text: 'Stay signed in?' }),
      h('p', { text: 'Select Yes to reduce the number of times you are asked to sign in.' }),
      form(function () {}, [h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'button primary', id: 'remember-yes', 'data-autofocus': true,
            onclick: function () { submit({ remember_me: true }); } }, 'Yes'),
          secondary('No', function () { submit({ remember_me: false }); }, { id: 'remember-no' }))])];
  }

  function dummy(ch) {
    return [h('p', { text: 'Stage ' + (ch.name || '') + ' has nothing to ask.' }),
      form(function () { submit({}); }, [primary('Continue', { 'data-autofocus': true })])];
  }

  function flowError(ch) {
    return [h('div', { class: 'alert alert-error', role: 'alert' },
        h('p', { class: 'alert-title', text: 'Something went wrong. Please try again later.' }),
        ch.request_id ? h('p', {}, 'Request ID: ', h('code', { text: ch.request_id })) : null,
        ch.error ? h('p', { text: ch.error }) : null),
      ch.traceback ? h('details', {}, h('summary', { text: 'Details' }), h('pre', { text: ch.traceback })) : null,
      h('p', {}, h('a', { class: 'button', href: window.location.pathname + window.location.search }, 'Try again'))];
  }

  function httpError(ch) {
    var message = ch.status === 0 ? 'The server cannot be reached. Check your connection and try again.'
        : 'The server answered ' + ch.status + (ch.detail ? ': ' + ch.detail : '.');
    return [h('div', { class: 'alert alert-error', role: 'alert' }, h('p', { text: message })),
      h('p', {}, h('a', { class: 'button', href: window.location.pathname + window.location.search, 'data-autofocus': true }, 'Reload'))];
  }

  function unsupported(ch) {
    var cancel = ch.flow_info && ch.flow_info.cancel_url;
    return [h('div', { class: 'alert alert-error', role: 'alert', id: 'unsupported' },
        h('p', { class: 'alert-title', text: 'This step is not supported by this page.' }),
        h('p', {}, 'The flow asked for ', h('code', { text: String(ch.component) }),
            ', which this page cannot show. Contact the site administrator.')),
      cancel ? h('p', {}, link(cancel, 'Cancel and start over', { class: 'button' })) : null];
  }

  function terms(ch, rendered) {
    var control = input('accept', 'checkbox', { id: nextId('field') });
    return [userInfo(ch),
      ch.terms_text ? h('div', { class: 'terms', tabindex: '0', role: 'region', 'aria-label': 'Terms of service' },
          h('p', { text: ch.terms_text })) : null,
      ch.terms_url ? h('p', {}, link(ch.terms_url, 'Read the terms')) : null,
      form(function (f) {
        submit({ accept: !!f.elements.namedItem('accept').checked });
      }, [fieldBlock(ch, rendered, 'accept', 'I accept the terms (version ' + (ch.terms_version || '') + ')', control,
          { inline: true, required: true }), primary('Continue')])];
  }

  // ---------------------------------------------------------------- authenticators

  function totpSetup(ch, rendered) {
    var secret = null;
    try {
      secret = new URL(ch.config_url).searchParams.get('secret');
    } catch (e) {
      secret = null;
    }
    return [userInfo(ch),
      h('p', { text: 'Add this account to your authenticator app, then enter the code it shows.' }),
      ch.config_url && /^otpauth:\/\//.test(ch.config_url)
          ? h('p', {}, h('a', { href: ch.config_url, id: 'totp-config-url', class: 'break' }, 'Open in your authenticator app')) : null,
      secret ? h('p', {}, 'Or enter this key by hand: ', h('code', { class: 'secret', id: 'totp-secret',
        text: secret.replace(/(.{4})/g, '$1 ').trim() })) : null,
      form(function (f) { submit({ code: value(f, 'code') }); }, [codeBlock(ch, rendered), primary('Continue')])];
  }

  function staticSetup(ch) {
    var codes = Array.isArray(ch.codes) ? ch.codes : [];
    return [userInfo(ch),
      h('p', { text: 'Save these recovery codes somewhere safe. Each one works once.' }),
      h('ul', { class: 'codes', id: 'static-codes' }, codes.map(function (c) { return h('li', {}, h('code', { text: c })); })),
      form(function () { submit({}); }, [primary('I have saved my codes', { 'data-autofocus': true })])];
  }

  function emailSetup(ch, rendered) {
    if (ch.email_required || !ch.email) {
      return [userInfo(ch), form(function (f) { submit({ email: value(f, 'email') }); }, [
        fieldBlock(ch, rendered, 'email', 'Email address', input('email', 'email', { autocomplete: 'email', 'data-autofocus': true, required: true }),
            { required: true, help: 'We will send a code to this address.' }), primary('Send code')])];
    }
    return [userInfo(ch), h('p', { text: 'We sent a code to ' + ch.email + '.' }),
      form(function (f) { submit({ code: value(f, 'code') }); }, [codeBlock(ch, rendered), primary('Continue')])];
  }

  function smsSetup(ch, rendered) {
    if (ch.phone_number_required) {
      return [userInfo(ch), form(function (f) { submit({ phone_number: value(f, 'phone_number') }); }, [
        fieldBlock(ch, rendered, 'phone_number', 'Phone number', input('phone_number', 'tel', { autocomplete: 'tel', 'data-autofocus': true, required: true }),
            { required: true }), primary('Send code')])];
    }
    return [userInfo(ch), form(function (f) { submit({ code: value(f, 'code') }); }, [codeBlock(ch, rendered), primary('Continue')])];
  }

  function b64uToBuffer(text) {
    var base64 = String(text).replace(/-/g, '+').replace(/_/g, '/');
    base64 += '==='.slice((base64.length + 3) % 4);
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function bufferToB64u(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function creationOptions(json) {
    if (window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON) {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    var options = Object.assign({}, json, { challenge: b64uToBuffer(json.challenge) });
    options.user = Object.assign({}, json.user, { id: b64uToBuffer(json.user.id) });
    options.excludeCredentials = (json.excludeCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: b64uToBuffer(c.id) });
    });
    return options;
  }

  function requestOptions(json) {
    if (window.PublicKeyCredential && PublicKeyCredential.parseRequestOptionsFromJSON) {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    var options = Object.assign({}, json, { challenge: b64uToBuffer(json.challenge) });
    options.allowCredentials = (json.allowCredentials || []).map(function (c) {
      return Object.assign({}, c, { id: b64uToBuffer(c.id) });
    });
    return options;
  }

  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') {
      return credential.toJSON();
    }
    var r = credential.response;
    var response = { clientDataJSON: bufferToB64u(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = bufferToB64u(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    }
    if (r.authenticatorData) {
      response.authenticatorData = bufferToB64u(r.authenticatorData);
      response.signature = bufferToB64u(r.signature);
      response.userHandle = r.userHandle ? bufferToB64u(r.userHandle) : null;
    }
    return { id: credential.id, rawId: bufferToB64u(credential.rawId), type: credential.type, response: response,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      authenticatorAttachment: credential.authenticatorAttachment || null };
  }

  function webauthnUnavailable() {
    return !(window.PublicKeyCredential && navigator.credentials);
  }

  function webauthnProblem(message) {
    var box = document.getElementById('webauthn-problem');
    if (box) {
      box.textContent = message;
    }
  }

  function webauthnSetup(ch) {
    if (webauthnUnavailable()) {
      return [userInfo(ch), h('div', { class: 'alert alert-error', role: 'alert' },
          h('p', { text: 'This browser cannot use security keys or passkeys here (it needs a secure connection and WebAuthn).' }))];
    }
    return [userInfo(ch), h('p', { text: 'Use your security key or device to create a passkey.' }),
      h('p', { id: 'webauthn-problem', class: 'field-errors', role: 'alert' }),
      form(function () {
        navigator.credentials.create({ publicKey: creationOptions(ch.registration) }).then(function (credential) {
          submit({ response: credentialJson(credential) });
        }, function (error) { webauthnProblem('The security key did not answer: ' + error.name); });
      }, [primary('Register security key', { 'data-autofocus': true })])];
  }

  function deviceChooser(ch, challenges) {
    return h('div', { class: 'device-chooser', role: 'group', 'aria-label': 'Choose how to verify' },
        challenges.map(function (dc) {
          return secondary(DEVICE_LABELS[dc.device_class] || dc.device_class, function () {
            validateChoice = dc.device_class;
            render(current);
          }, { 'data-device-class': dc.device_class, 'aria-pressed': validateChoice === dc.device_class ? 'true' : 'false' });
        }));
  }

  function validate(ch, rendered) {
    var challenges = Array.isArray(ch.device_challenges) ? ch.device_challenges : [];
    var stages = Array.isArray(ch.configuration_stages) ? ch.configuration_stages : [];
    if (!challenges.length && stages.length) {
      return [userInfo(ch), h('p', { text: 'Set up a way to verify your identity:' }),
        h('div', { class: 'actions stacked' }, stages.map(function (stage) {
          return secondary(stage.verbose_name || stage.name, function () { submit({ selected_stage: stage.pk }); });
        }))];
    }
    if (!validateChoice && challenges.length) {
      validateChoice = challenges[0].device_class;
    }
    var chosen = challenges.filter(function (dc) { return dc.device_class === validateChoice; })[0];
    var children = [userInfo(ch), challenges.length > 1 ? deviceChooser(ch, challenges) : null];
    if (!chosen) {
      return children.concat([h('p', { text: 'No way to verify is available.' })]);
    }
    return children.concat(validateFactor(ch, rendered, chosen));
  }

  function validateFactor(ch, rendered, dc) {
    switch (dc.device_class) {
      case 'webauthn':
        if (webauthnUnavailable()) {
          return [h('div', { class: 'alert alert-error', role: 'alert' }, h('p', { text: 'This browser cannot use security keys here.' }))];
        }
        return [h('p', { id: 'webauthn-problem', class: 'field-errors', role: 'alert' }), form(function () {
          navigator.credentials.get({ publicKey: requestOptions(dc.challenge) }).then(function (credential) {
            submit({ webauthn: credentialJson(credential) });
          }, function (error) { webauthnProblem('The security key did not answer: ' + error.name); });
        }, [primary('Use security key', { 'data-autofocus': true })])];
      case 'duo':
        return [form(function () { submit({ duo: Number(dc.device_uid) }); }, [primary('Send push', { 'data-autofocus': true })])];
      case 'email':
      case 'sms':
        return [form(function () { submit({ selected_challenge: dc }); }, [h('button', { type: 'submit', class: 'button secondary' },
            dc.challenge && dc.challenge.email ? 'Send a code to ' + dc.challenge.email : 'Send a code')]),
          form(function (f) { submit({ code: value(f, 'code') }); }, [codeBlock(ch, rendered), primary('Continue')])];
      default:
        return [form(function (f) { submit({ code: value(f, 'code') }); }, [
          codeBlock(ch, rendered, dc.device_class === 'static' ? 'Recovery code' : 'Code from your authenticator app'),
          primary('Continue')])];
    }
  }

  var RENDERERS = {
    'ak-stage-identification': identification,
    'ak-stage-password': password,
    'ak-stage-prompt': prompt,
    'ak-stage-email': email,
    'ak-stage-consent': consent,
    'ak-stage-access-denied': accessDenied,
    'xak-flow-redirect': redirect,
    'ak-stage-user-login': userLogin,
    'ak-stage-dummy': dummy,
    'ak-stage-flow-error': flowError,
    'xak-http-error': httpError,
    'xs-stage-terms': terms,
    'ak-stage-authenticator-totp': totpSetup,
    'ak-stage-authenticator-static': staticSetup,
    'ak-stage-authenticator-email': emailSetup,
    'ak-stage-authenticator-sms': smsSetup,
    'ak-stage-authenticator-webauthn': webauthnSetup,
    'ak-stage-authenticator-validate': validate
  };

  // Exposed for tests and for hosts that want to render a challenge they obtained themselves.
  window.FlowstageUI = { render: render, components: Object.keys(RENDERERS) };

  call('GET').then(render);
}());
