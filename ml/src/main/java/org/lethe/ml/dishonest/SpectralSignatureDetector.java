package org.lethe.ml.dishonest;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.stat.StatUtils;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Network;
import org.lethe.ml.network.Predictor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spectral signatures (Tran, Li and Madry, NeurIPS 2018): in the hidden representation of a network
 * trained with them, poisoned samples of a label leave a trace along the top singular vector of that
 * label's centred representations. Per label, the candidates are centred on the provider's own images of
 * the label, scored by their squared projection on the top singular vector, and flagged above the score
 * that only {@code falsePositiveRate} of the provider's own images of the label reach.
 */
public final class SpectralSignatureDetector implements MarkDetector {

    private final List<List<Sample>> ownByLabel = new ArrayList<>();
    private final double falsePositiveRate;

    /**
     * @param providersOwn      clean images of the provider's own: the centre of each label and the scores'
     *                          yardstick
     * @param falsePositiveRate the share of the provider's own images of a label that would be flagged
     */
    public SpectralSignatureDetector(List<Sample> providersOwn, double falsePositiveRate) {
        if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
            throw new IllegalArgumentException("the false-positive rate must lie in (0, 1), got " + falsePositiveRate);
        }
        for (int label = 0; label < Sample.CLASSES; label++) {
            ownByLabel.add(new ArrayList<>());
        }
        providersOwn.forEach(sample -> ownByLabel.get(sample.label()).add(sample));
        this.falsePositiveRate = falsePositiveRate;
    }

    @Override
    public String name() {
        return "spectral-signature";
    }

    @Override
    public Set<Bytes32> flag(List<Sample> candidates, Network trainedWithThem) {
        Set<Bytes32> flagged = new LinkedHashSet<>();
        for (int label = 0; label < Sample.CLASSES; label++) {
            int wanted = label;
            List<Sample> ofLabel = candidates.stream().filter(sample -> sample.label() == wanted).toList();
            List<Sample> own = ownByLabel.get(label);
            if (ofLabel.size() < 2 || own.size() < 2) {
                continue;
            }
            float[][] reference = Predictor.penultimateActivations(trainedWithThem, own);
            double[] centre = mean(reference);
            double[][] centred = centred(Predictor.penultimateActivations(trainedWithThem, ofLabel), centre);
            RealVector direction = new SingularValueDecomposition(new Array2DRowRealMatrix(centred, false)).getV()
                    .getColumnVector(0);
            double[] ownScores = new double[reference.length];
            double[][] ownCentred = centred(reference, centre);
            for (int i = 0; i < ownCentred.length; i++) {
                ownScores[i] = squaredProjection(ownCentred[i], direction);
            }
            double threshold = StatUtils.percentile(ownScores, 100 * (1 - falsePositiveRate));
            for (int i = 0; i < centred.length; i++) {
                if (squaredProjection(centred[i], direction) > threshold) {
                    flagged.add(ofLabel.get(i).hash());
                }
            }
        }
        return flagged;
    }

    private static double[] mean(float[][] rows) {
        double[] mean = new double[rows[0].length];
        for (float[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                mean[j] += row[j] / (double) rows.length;
            }
        }
        return mean;
    }

    private static double[][] centred(float[][] rows, double[] centre) {
        double[][] centred = new double[rows.length][centre.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < centre.length; j++) {
                centred[i][j] = rows[i][j] - centre[j];
            }
        }
        return centred;
    }

    private static double squaredProjection(double[] row, RealVector direction) {
        double projection = direction.dotProduct(new ArrayRealVector(row, false));
        return projection * projection;
    }
}
