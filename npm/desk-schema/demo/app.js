// The demo form: every rule checked as you type, messages under each field,
// on the package's precompiled validator (no eval: the page's CSP forbids it).
import { validateRequest, byPath } from "../src/index.js";

const form = document.getElementById("group");
const members = document.getElementById("members");

function addMember(account) {
  const li = document.createElement("li");
  li.innerHTML = '<input name="Member_Account"><p class="error"></p>';
  li.querySelector("input").value = account;
  members.append(li);
  check();
}

function request() {
  const data = new FormData(form);
  return {
    Type: data.get("Type"),
    GroupId: data.get("GroupId"),
    Name: data.get("Name"),
    MemberList: data.getAll("Member_Account").map((a) => ({ Member_Account: a })),
  };
}

const lang = document.getElementById("lang");

/** The status line, in the chosen language. */
const STATUS = {
  en: (n) => (n === 0 ? "ready to send" : `${n} ${n === 1 ? "problem" : "problems"}`),
  "zh-CN": (n) => (n === 0 ? "可以提交" : `${n} 个问题`),
};

function check() {
  const groups = byPath(validateRequest(request(), { locale: lang.value }));
  for (const p of form.querySelectorAll("p.error[data-for]")) {
    p.textContent = (groups[p.dataset.for] ?? []).map((v) => v.message).join("; ");
  }
  members.querySelectorAll("li").forEach((li, i) => {
    const under = Object.entries(groups)
      .filter(([path]) => path.startsWith(`/MemberList/${i}/`) || path === `/MemberList/${i}`)
      .flatMap(([, vs]) => vs.map((v) => v.message));
    li.querySelector("p.error").textContent = under.join("; ");
  });
  const n = Object.values(groups).flat().length;
  document.getElementById("status").textContent = STATUS[lang.value](n);
  return n === 0;
}

form.addEventListener("input", check);
lang.addEventListener("change", () => {
  document.documentElement.lang = lang.value;
  check();
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  check();
});
document.getElementById("add-member").addEventListener("click", () => addMember(""));

addMember("user2");
addMember("@customer_service_account");
document.getElementById("standalone").textContent =
  validateRequest(request()).length === 0 ? "works" : "rejected the sample";
