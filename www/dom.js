// Small builders of form elements; every text is set as text.

export function option(value, text, selected) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

export function select(label, options, onChange) {
  const s = document.createElement("select");
  s.setAttribute("aria-label", label);
  s.append(...options);
  s.addEventListener("change", () => onChange(s.value));
  return s;
}
