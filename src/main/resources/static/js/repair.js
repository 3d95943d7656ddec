// The parts picker of the repair form: a part found in the catalogue becomes a line priced at its guide price,
// and a price above the guide price is flagged as it is typed (the order keeps both for the insurer to see).
(function () {
    function flag(input) {
        var guide = parseFloat(input.dataset.guide);
        var above = !isNaN(guide) && parseFloat(input.value) > guide;
        var line = input.closest('.part-line');
        line.querySelector('.above-guide').classList.toggle('d-none', !above);
        input.classList.toggle('border-danger', above);
    }

    document.addEventListener('click', function (event) {
        var add = event.target.closest('[data-add-part]');
        if (add) {
            var line = document.getElementById('part-line-template').content.firstElementChild.cloneNode(true);
            line.querySelector('[name=partId]').value = add.dataset.partId;
            line.querySelector('.part-name').textContent = add.dataset.partName;
            line.querySelector('.guide-price').textContent = add.dataset.guidePrice;
            var price = line.querySelector('[name=unitPrice]');
            price.value = add.dataset.guidePrice;
            price.dataset.guide = add.dataset.guidePrice;
            document.getElementById('part-lines').appendChild(line);
            return;
        }
        var remove = event.target.closest('[data-remove-line]');
        if (remove) {
            remove.closest('.part-line').remove();
        }
    });

    document.addEventListener('input', function (event) {
        if (event.target.classList.contains('unit-price')) {
            flag(event.target);
        }
    });

    document.querySelectorAll('#part-lines .unit-price').forEach(flag);
})();
