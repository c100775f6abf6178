// Drag a post to another day of the content calendar. The drop submits the page's move form (the same
// POST as the "Move" link's page, with the new day); the server checks it as it checks the post's form.
(() => {
  const ready = () => {
    const form = document.getElementById("calendar-move");
    if (!form) return;
    let dragged = null;
    document.querySelectorAll(".herald-calendar__post[data-move]").forEach((item) => {
      item.classList.add("herald-calendar__post--movable");
      item.addEventListener("dragstart", (event) => {
        dragged = item;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.dataset.post);
        item.classList.add("herald-calendar__post--dragging");
      });
      item.addEventListener("dragend", () => {
        item.classList.remove("herald-calendar__post--dragging");
        dragged = null;
      });
    });
    document.querySelectorAll("[data-drop]").forEach((day) => {
      day.addEventListener("dragover", (event) => {
        if (!dragged) return;
        event.preventDefault();
        day.classList.add("herald-calendar__day--target");
      });
      day.addEventListener("dragleave", () => day.classList.remove("herald-calendar__day--target"));
      day.addEventListener("drop", (event) => {
        event.preventDefault();
        day.classList.remove("herald-calendar__day--target");
        if (!dragged || dragged.closest("[data-date]") === day) return;
        form.action = dragged.dataset.move;
        form.elements.date.value = day.dataset.date;
        form.submit();
      });
    });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
