// The script the rendering page runs, kept as plain JavaScript text so that no
// compiler or test transform can rewrite it: a function puppeteer serialises
// from compiled TypeScript may carry helpers that do not exist in the page.
//
// `cryptodocRender` renders one diagram with Mermaid, serialises the picture
// as XML (Mermaid returns HTML, where `<br>` is not well-formed XML), and
// rejects a picture that is not well-formed or could run code: a script,
// frame, object or embed element, an `on…` event attribute, or a
// `javascript:` URL in any attribute.
import { MERMAID_MAX_EDGES, MERMAID_MAX_TEXT_SIZE } from "../diagrams/split.js";

export const PAGE_SCRIPT = String.raw`
window.cryptodocUnsafeContent = function (xml) {
  var parsed = new DOMParser().parseFromString(xml, "image/svg+xml");
  if (parsed.getElementsByTagName("parsererror").length > 0) return "the SVG is not well-formed XML";
  var elements = parsed.getElementsByTagName("*");
  for (var i = 0; i < elements.length; i++) {
    var element = elements[i];
    var name = element.localName.toLowerCase();
    if (name === "script" || name === "iframe" || name === "object" || name === "embed") return "the SVG contains a <" + name + "> element";
    for (var j = 0; j < element.attributes.length; j++) {
      var attribute = element.attributes[j];
      if (/^on/i.test(attribute.localName)) return "the SVG contains the event attribute " + attribute.name;
      // Browsers ignore ASCII whitespace and control characters inside a URL scheme.
      var value = attribute.value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
      if (value.indexOf("javascript:") !== -1) return "the SVG contains a javascript: URL in " + attribute.name;
    }
  }
  return null;
};

window.cryptodocRender = async function (id, source) {
  try {
    var rendered = await window.mermaid.render(id, source);
    var parsed = new DOMParser().parseFromString(rendered.svg, "text/html");
    var root = parsed.body.firstElementChild;
    if (root === null || root.localName !== "svg") return { error: "Mermaid returned no SVG element" };
    var xml = new XMLSerializer().serializeToString(root);
    var problem = window.cryptodocUnsafeContent(xml);
    return problem === null ? { svg: xml } : { error: "the picture was rejected: " + problem };
  } catch (error) {
    return { error: String((error && error.message) || error) };
  } finally {
    // Mermaid leaves its scratch elements behind when a diagram fails to parse.
    ["d" + id, "i" + id, id].forEach(function (leftover) {
      var element = document.getElementById(leftover);
      if (element !== null) element.remove();
    });
  }
};
`;

/** Mermaid's settings for every diagram: no clicks or HTML from labels, ids that do not change between builds. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict",
  theme: "default",
  deterministicIds: true,
  maxTextSize: MERMAID_MAX_TEXT_SIZE,
  maxEdges: MERMAID_MAX_EDGES,
};
