/* The upload-and-check form: drop .xlsx files on the zone (or choose them), see which are chosen, and a button that
   says the check is running while the page waits. The form works without this file too. */
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var zone = document.getElementById('drop-zone');
    var input = document.getElementById('files');
    var chosen = document.getElementById('chosen');
    var form = document.getElementById('check-form');
    var button = document.getElementById('check-button');
    if (!zone || !input || !chosen || !form) {
      return;
    }

    function list() {
      while (chosen.firstChild) {
        chosen.removeChild(chosen.firstChild);
      }
      Array.prototype.forEach.call(input.files, function (file) {
        var item = document.createElement('li');
        item.textContent = file.name + ' · ' + Math.max(1, Math.round(file.size / 1024)) + ' KB';
        chosen.appendChild(item);
      });
      zone.classList.toggle('has-files', input.files.length > 0);
    }

    input.addEventListener('change', list);
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add('is-over');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () {
        zone.classList.remove('is-over');
      });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        list();
      }
    });
    form.addEventListener('submit', function () {
      if (button && button.dataset.busy) {
        button.textContent = button.dataset.busy;
        button.setAttribute('aria-disabled', 'true');
        form.setAttribute('aria-busy', 'true');
      }
    });
    list();
  });
}());
